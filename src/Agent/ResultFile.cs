using System.Text.Json;
using NearNative.Domain.Results;

namespace NearNative.Agent;

/// <summary>A result document on disk, as <c>run --out</c> writes it and <c>submit</c> and <c>report</c> read it.</summary>
public static class ResultFile
{
    /// <summary>The document, or one plain line saying why the file is not one this agent reads.</summary>
    public static ResultDocument Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.Usage($"cannot read {path}: {e.Message}");
        }

        ResultDocument document;
        try
        {
            document = ResultJson.Deserialize(bytes);
        }
        catch (JsonException e)
        {
            throw AgentException.Usage($"{path} is not a result document: {e.Message}");
        }

        return document.Schema == ResultDocument.CurrentSchema
            ? document
            : throw AgentException.Usage($"{path} has schema '{document.Schema}'; this agent reads and sends '{ResultDocument.CurrentSchema}'");
    }
}
