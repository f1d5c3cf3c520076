using System.Buffers;
using System.Text.Json;
using ApartiumChat.Faults.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ApartiumChat.Faults.Api;

public sealed partial class ToxiproxyServer
{
    /// <summary>The handlers: each reads the request, calls the registry, and answers as Toxiproxy does.</summary>
    private sealed class Routes(ProxyRegistry registry)
    {
        private static readonly string[] Update = ["POST", "PATCH"];

        public void Map(WebApplication app)
        {
            app.Use(RefuseBrowsers);
            app.MapPost("/reset", Handle(Reset));
            app.MapGet("/proxies", Handle(ListProxies));
            app.MapPost("/proxies", Handle(CreateProxy));
            app.MapPost("/populate", Populate);
            app.MapGet("/proxies/{proxy}", Handle(ShowProxy));
            app.MapMethods("/proxies/{proxy}", Update, Handle(UpdateProxy));
            app.MapDelete("/proxies/{proxy}", Handle(DeleteProxy));
            app.MapGet("/proxies/{proxy}/toxics", Handle(ListToxics));
            app.MapPost("/proxies/{proxy}/toxics", Handle(CreateToxic));
            app.MapGet("/proxies/{proxy}/toxics/{toxic}", Handle(ShowToxic));
            app.MapMethods("/proxies/{proxy}/toxics/{toxic}", Update, Handle(UpdateToxic));
            app.MapDelete("/proxies/{proxy}/toxics/{toxic}", Handle(DeleteToxic));
            app.MapGet("/version", ShowVersion);
            app.MapGet("/journal", Handle(ShowJournal));
        }

        private static async Task RefuseBrowsers(HttpContext context, RequestDelegate next)
        {
            if (context.Request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("User agent not allowed\n", context.RequestAborted);
                return;
            }

            await next(context);
        }

        private async Task<Reply> Reset(HttpContext context)
        {
            await registry.ResetAsync(context.RequestAborted);
            return Reply.NoContent;
        }

        private async Task<Reply> ListProxies(HttpContext context)
        {
            var proxies = await registry.ListAsync(context.RequestAborted);
            return Reply.Json(200, writer =>
            {
                writer.WriteStartObject();
                foreach (var proxy in proxies)
                {
                    writer.WritePropertyName(proxy.Name);
                    ProxyCodec.Write(writer, proxy);
                }

                writer.WriteEndObject();
            });
        }

        private async Task<Reply> CreateProxy(HttpContext context)
        {
            using var body = await ReadBodyAsync(context);
            var definition = ProxyCodec.Read(body.RootElement);
            var proxy = await registry.CreateAsync(definition, context.RequestAborted);
            return Reply.Json(201, writer => ProxyCodec.Write(writer, proxy));
        }

        /// <summary>Answers 201 with the proxies, or the error with its status, as Toxiproxy's populate does.</summary>
        private async Task Populate(HttpContext context)
        {
            Reply reply;
            try
            {
                using var body = await ReadBodyAsync(context);
                var proxies = await registry.PopulateAsync(ProxyCodec.ReadList(body.RootElement), context.RequestAborted);
                reply = Reply.Json(201, writer => WritePopulated(writer, null, proxies));
            }
            catch (FaultProxyException e)
            {
                reply = Reply.Json(StatusOf(e.Kind), writer => WritePopulated(writer, e, []), newline: true);
            }

            await reply.SendAsync(context);
        }

        private static void WritePopulated(Utf8JsonWriter writer, FaultProxyException? error, IReadOnlyList<FaultProxy> proxies)
        {
            writer.WriteStartObject();
            if (error is not null)
            {
                writer.WriteString("error", error.Message);
                writer.WriteNumber("status", StatusOf(error.Kind));
            }

            writer.WritePropertyName("proxies");
            if (proxies.Count == 0)
            {
                writer.WriteNullValue(); // Go marshals an empty result slice as null
            }
            else
            {
                writer.WriteStartArray();
                foreach (var proxy in proxies)
                {
                    ProxyCodec.Write(writer, proxy);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        private async Task<Reply> ShowProxy(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            return Reply.Json(200, writer => ProxyCodec.Write(writer, proxy));
        }

        private async Task<Reply> UpdateProxy(HttpContext context)
        {
            var name = Route(context, "proxy");
            await registry.GetAsync(name, context.RequestAborted); // 404 before a bad body, as in Toxiproxy
            using var body = await ReadBodyAsync(context);
            var input = JsonFields.RequireObject(body.RootElement, "the proxy");
            var proxy = await registry.UpdateAsync(
                name,
                JsonFields.String(input, "listen", string.Empty),
                JsonFields.String(input, "upstream", string.Empty),
                JsonFields.Bool(input, "enabled", string.Empty),
                context.RequestAborted);
            return Reply.Json(200, writer => ProxyCodec.Write(writer, proxy));
        }

        private async Task<Reply> DeleteProxy(HttpContext context) =>
            await registry.DeleteAsync(Route(context, "proxy"), context.RequestAborted)
                ? Reply.NoContent
                : throw new FaultProxyException(FaultErrorKind.ProxyNotFound, "proxy not found");

        private async Task<Reply> ListToxics(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            return Reply.Json(200, writer => ProxyCodec.WriteToxics(writer, proxy));
        }

        private async Task<Reply> CreateToxic(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            using var body = await ReadBodyAsync(context);
            var toxic = ToxicCodec.ReadNew(body.RootElement);
            proxy.AddToxic(toxic);
            return Reply.Json(200, writer => ToxicCodec.Write(writer, toxic));
        }

        private async Task<Reply> ShowToxic(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            var toxic = proxy.FindToxic(Route(context, "toxic")) ?? throw new FaultProxyException(FaultErrorKind.ToxicNotFound, "toxic not found");
            return Reply.Json(200, writer => ToxicCodec.Write(writer, toxic));
        }

        private async Task<Reply> UpdateToxic(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            var name = Route(context, "toxic");
            var current = proxy.FindToxic(name) ?? throw new FaultProxyException(FaultErrorKind.ToxicNotFound, "toxic not found");
            using var body = await ReadBodyAsync(context);
            var wanted = ToxicCodec.ReadUpdate(body.RootElement, current);
            var updated = proxy.UpdateToxic(name, wanted.Attributes, wanted.Toxicity);
            return Reply.Json(200, writer => ToxicCodec.Write(writer, updated));
        }

        private async Task<Reply> DeleteToxic(HttpContext context)
        {
            var proxy = await registry.GetAsync(Route(context, "proxy"), context.RequestAborted);
            return proxy.RemoveToxic(Route(context, "toxic"))
                ? Reply.NoContent
                : throw new FaultProxyException(FaultErrorKind.ToxicNotFound, "toxic not found");
        }

        private static async Task ShowVersion(HttpContext context)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync($"{{\"version\": \"{Version}\"}}\n", context.RequestAborted);
        }

        private Task<Reply> ShowJournal(HttpContext context)
        {
            var records = registry.Journal.Snapshot();
            return Task.FromResult(Reply.Json(200, writer =>
            {
                writer.WriteStartArray();
                foreach (var record in records)
                {
                    WriteRecord(writer, record);
                }

                writer.WriteEndArray();
            }));
        }

        private static void WriteRecord(Utf8JsonWriter writer, InjectionRecord record)
        {
            writer.WriteStartObject();
            writer.WriteString("at", record.At);
            writer.WriteString("proxy", record.Proxy);
            writer.WriteString("fault", record.Key.Fault);
            writer.WriteString("client", record.Key.Client);
            writer.WriteNumber("connection", record.Key.Connection);
            writer.WriteString("kind", record.Kind.ToString());
            writer.WriteBoolean("applied", record.Applied);
            if (record.Draw is { } draw)
            {
                writer.WriteNumber("draw", draw);
            }

            if (record.Toxicity is { } toxicity)
            {
                writer.WriteNumber("toxicity", toxicity);
            }

            if (record.ChunkSeed is { } seed)
            {
                writer.WriteNumber("chunk_seed", seed);
            }

            if (record.Detail is { } detail)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteEndObject();
        }

        private static string Route(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;

        private static RequestDelegate Handle(Func<HttpContext, Task<Reply>> handler) => async context =>
        {
            Reply reply;
            try
            {
                reply = await handler(context);
            }
            catch (FaultProxyException e)
            {
                reply = Reply.Error(StatusOf(e.Kind), e.Message);
            }
            catch (ObjectDisposedException)
            {
                reply = Reply.Error(StatusCodes.Status404NotFound, "proxy not found"); // deleted while we worked on it
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the caller went away
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                // A fault of ours, not of the request: answer it, and keep serving.
                reply = Reply.Error(StatusCodes.Status500InternalServerError, e.Message);
            }

            await reply.SendAsync(context);
        };

        private static async Task<JsonDocument> ReadBodyAsync(HttpContext context)
        {
            var buffer = new ArrayBufferWriter<byte>();
            try
            {
                while (true)
                {
                    var memory = buffer.GetMemory(16 * 1024);
                    var read = await context.Request.Body.ReadAsync(memory, context.RequestAborted);
                    if (read == 0)
                    {
                        break;
                    }

                    buffer.Advance(read);
                    if (buffer.WrittenCount > MaxBodyBytes)
                    {
                        throw JsonFields.Bad($"the body is larger than {MaxBodyBytes} bytes");
                    }
                }
            }
            catch (BadHttpRequestException e)
            {
                throw JsonFields.Bad(e.Message);
            }

            return JsonFields.Parse(buffer.WrittenMemory);
        }

        private static int StatusOf(FaultErrorKind kind) => kind switch
        {
            FaultErrorKind.ProxyNotFound or FaultErrorKind.ToxicNotFound => StatusCodes.Status404NotFound,
            FaultErrorKind.ProxyExists or FaultErrorKind.ToxicExists => StatusCodes.Status409Conflict,
            FaultErrorKind.ListenFailed => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>An answer: a status and, unless it is 204, a JSON body.</summary>
    private sealed record Reply(int Status, Action<Utf8JsonWriter>? Body, bool Newline)
    {
        public static Reply NoContent { get; } = new(StatusCodes.Status204NoContent, null, false);

        public static Reply Json(int status, Action<Utf8JsonWriter> body, bool newline = false) => new(status, body, newline);

        /// <summary>Toxiproxy's error body: <c>{"error":"...","status":N}</c> and a newline.</summary>
        public static Reply Error(int status, string message) => new(
            status,
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("error", message);
                writer.WriteNumber("status", status);
                writer.WriteEndObject();
            },
            true);

        public async Task SendAsync(HttpContext context)
        {
            context.Response.StatusCode = Status;
            if (Body is null)
            {
                return;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Body(writer);
            }

            if (Newline)
            {
                buffer.Write("\n"u8);
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength = buffer.WrittenCount;
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        }
    }
}
