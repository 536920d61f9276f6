using System.Text.Json.Serialization;

namespace NearNative.Api.Badges;

/// <summary>
/// The shields.io endpoint schema (https://shields.io/badges/endpoint-badge): only its own keys, the optional ones
/// left out unless set.
/// </summary>
/// <param name="SchemaVersion">Always 1.</param>
/// <param name="Label">The left-hand text.</param>
/// <param name="Message">The right-hand text.</param>
/// <param name="Color">A shields.io colour name, e.g. <c>brightgreen</c>; <c>lightgrey</c> for no data.</param>
/// <param name="Style">Set when a style other than shields' default <c>flat</c> was asked for, e.g. <c>flat-square</c>.</param>
/// <param name="IsError">True for a "no data" badge, so shields.io renders and caches it as an error.</param>
public sealed record ShieldsEndpointBadge(
    int SchemaVersion,
    string Label,
    string Message,
    string Color,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Style = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsError = null);
