using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace NearNative.Agent.Tests.Support;

/// <summary>Answers HTTP requests from a script of responses and keeps what it was sent.</summary>
internal sealed class StubServer
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _script = new();

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string Body)> Requests { get; } = new();

    public StubServer Then(HttpStatusCode status, string body = "")
    {
        _script.Enqueue((status, body));
        return this;
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(StubServer server) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            server.Requests.Enqueue((request.Method, request.RequestUri!, body));
            var (status, answer) = server._script.TryDequeue(out var next) ? next : (HttpStatusCode.InternalServerError, "");
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(answer, Encoding.UTF8, answer.StartsWith('{') ? "application/problem+json" : "text/plain"),
            };
        }
    }
}
