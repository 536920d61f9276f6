using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NearNative.Api.Submissions;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Support;

/// <summary>Requests whose success the test takes for granted, asserted on the way so a failure says which.</summary>
public static class ResponseReads
{
    /// <summary>GET that must answer 200 with a <typeparamref name="T"/>.</summary>
    public static async Task<T> GetOkAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>Follows <c>next</c> from <paramref name="url"/> to the last page of the submission list: every id, in order.</summary>
    public static async Task<List<string>> WalkSubmissionsAsync(this HttpClient client, string url)
    {
        var ids = new List<string>();
        string? next = url;
        while (next is not null)
        {
            var page = await client.GetOkAsync<SubmissionPageResponse>(next);
            ids.AddRange(page.Items.Select(s => s.Id));
            next = page.Next;
        }

        return ids;
    }

    /// <summary>A submission that must be created (201).</summary>
    public static async Task<SubmissionResponse> SubmitCreatedAsync(this HttpClient client, Key key, ResultDocumentBuilder document)
    {
        using var response = await client.SubmitAsync(key, document.Build());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!;
    }

    /// <summary>A shields.io endpoint badge that must answer 200: its label, message and colour.</summary>
    public static async Task<(string? Label, string? Message, string? Color)> ReadBadgeAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("label").GetString(), root.GetProperty("message").GetString(), root.GetProperty("color").GetString());
    }
}
