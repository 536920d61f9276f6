using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contributor_id",
                table: "signing_keys",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "signing_keys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "replaced_by",
                table: "signing_keys",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "signing_keys",
                type: "timestamp with time zone",
                nullable: true);

            // Each stored document carries its nonce. A row by row loop, because PostgreSQL cannot read a field of a
            // document that holds \u0000 anywhere: such a row takes its own id (64 hex digits) as nonce.
            migrationBuilder.Sql("""
                DO $$
                DECLARE stored record;
                BEGIN
                    FOR stored IN SELECT id, document FROM submissions LOOP
                        BEGIN
                            UPDATE submissions
                            SET nonce = COALESCE(left(convert_from(stored.document, 'UTF8')::json ->> 'nonce', 64), stored.id)
                            WHERE id = stored.id;
                        EXCEPTION WHEN others THEN
                            UPDATE submissions SET nonce = stored.id WHERE id = stored.id;
                        END;
                    END LOOP;
                END $$;
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
