using System.Net.Http.Headers;
using System.Net.Http.Json;
using NearNative.Api.Administration;

namespace NearNative.Api.Tests.Support;

/// <summary>What an operator does with the administrator token.</summary>
public static class AdminRequests
{
    public static async Task<HttpResponseMessage> PostAsAdminAsync(this HttpClient client, string url, object? body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> QuarantineAsync(this HttpClient client, string id, string reason, string token) =>
        client.PostAsAdminAsync($"/api/v1/admin/submissions/{id}/quarantine", new QuarantineRequest(reason), token);

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient client, string id, string token) =>
        client.PostAsAdminAsync($"/api/v1/admin/submissions/{id}/release", null, token);
}
