using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoncePerKeyAndKeyRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_submissions_key_id",
                table: "submissions");

            migrationBuilder.AddColumn<string>(
                name: "nonce",
                table: "submissions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contributor_id",
                table: "signing_keys",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "signing_keys",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "replaced_by",
                table: "signing_keys",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "retired_at",
                table: "signing_keys",
                type: "INTEGER",
                nullable: true);

            // Each stored document carries its nonce.
            migrationBuilder.Sql("""
                UPDATE submissions
                SET nonce = COALESCE(
                    CASE WHEN json_valid(CAST(document AS TEXT)) THEN substr(json_extract(CAST(document AS TEXT), '$.nonce'), 1, 64) END,
                    id);
                """);

            // Rows stored before nonces were unique per key: a nonce signed again with other bytes keeps it on the
            // row with the lowest id, and every other row takes its own id (64 hex digits) as nonce.
            migrationBuilder.Sql("""
                UPDATE submissions SET nonce = id
                WHERE EXISTS (
                    SELECT 1 FROM submissions AS kept
                    WHERE kept.key_id = submissions.key_id AND kept.nonce = submissions.nonce AND kept.id < submissions.id);
                """);
            migrationBuilder.Sql("UPDATE signing_keys SET contributor_id = key_id;");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_key_id_nonce",
                table: "submissions",
                columns: new[] { "key_id", "nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_contributor_id",
                table: "signing_keys",
                column: "contributor_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_submissions_key_id_nonce",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "ix_signing_keys_contributor_id",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "nonce",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "contributor_id",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "display_name",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "replaced_by",
                table: "signing_keys");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "signing_keys");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_key_id",
                table: "submissions",
                column: "key_id");
        }
    }
}
