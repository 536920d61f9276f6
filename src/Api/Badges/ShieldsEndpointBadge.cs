namespace NearNative.Api.Badges;

/// <summary>The shields.io endpoint schema: https://shields.io/badges/endpoint-badge.</summary>
public sealed record ShieldsEndpointBadge(int SchemaVersion, string Label, string Message, string Color);
