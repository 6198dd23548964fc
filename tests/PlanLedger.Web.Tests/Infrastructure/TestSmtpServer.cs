using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port, speaking enough of RFC 5321 for MailKit (EHLO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT; no TLS, no AUTH). Received messages are kept raw; the tests parse them with MimeKit.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    public ConcurrentQueue<(string From, IReadOnlyList<string> To, string Data)> Messages { get; } = new();
    public int Port { get; }

    public TestSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        async Task Say(string line) => await writer.WriteLineAsync(line);
        await Say("220 localhost PlanLedger test SMTP");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Say("250-localhost");
                        await Say("250-8BITMIME");
                        await Say("250-SMTPUTF8");
                        await Say("250 SIZE 10485760");
                        break;
                    case "HELO": await Say("250 localhost"); break;
                    case "MAIL": from = Address(line); to.Clear(); await Say("250 OK"); break;
                    case "RCPT": to.Add(Address(line)); await Say("250 OK"); break;
                    case "DATA":
                        await Say("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        Messages.Enqueue((from ?? "", to.ToList(), data.ToString()));
                        await Say("250 OK queued");
                        break;
                    case "RSET": from = null; to.Clear(); await Say("250 OK"); break;
                    case "NOOP": await Say("250 OK"); break;
                    case "QUIT": await Say("221 Bye"); return;
                    default: await Say("502 Command not implemented"); break;
                }
            }
        }
        catch (Exception) { /* client gone or server stopping */ }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>');
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

/// <summary>A real HTTP receiver on a loopback port (HttpListener) that records the JSON bodies posted to it.</summary>
public sealed class TestWebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    public ConcurrentQueue<(string Path, string Body, string? ContentType)> Posts { get; } = new();
    public string Url { get; }

    public TestWebhookReceiver()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            try
            {
                _listener.Prefixes.Add(prefix);
                _listener.Start();
                Url = prefix + "robot/send?key=test";
                break;
            }
            catch (HttpListenerException) when (attempt < 5) { _listener.Prefixes.Clear(); }
        }
        _ = LoopAsync();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8))
                Posts.Enqueue((ctx.Request.Url!.PathAndQuery, await reader.ReadToEndAsync(), ctx.Request.ContentType));
            var ok = "{\"errcode\":0,\"errmsg\":\"ok\"}"u8.ToArray();
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(ok);
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
    }
}
