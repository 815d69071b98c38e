using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Clinic.Bot.Tests.Teams;

/// <summary>
/// The real bot, run as its own process, driven by the Microsoft 365 Agents Playground (the npm package, headless):
/// the playground posts Teams-shaped activities to /api/messages and takes the bot's replies at its mock connector.
/// </summary>
public sealed class PlaygroundTests : IAsyncLifetime
{
    // Both as written in playground/m365agentsplayground.yml.
    private const string BotId = "00000000-0000-0000-0000-00000000000011";
    private const string ChannelId = "19:clinic-staff@thread.tacv2";
    private const string UserId = "user-id-0";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(2);

    private readonly string _temp = Directory.CreateTempSubdirectory("playground-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(1) };
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private PlaygroundStream? _stream;
    private int _playgroundPort;

    public async Task InitializeAsync()
    {
        var botPort = FreePort();
        _bot = ChildProcess.Start("bot", "dotnet", [BotDll(), "--urls", $"http://127.0.0.1:{botPort}"], Path.GetDirectoryName(BotDll())!,
            new Dictionary<string, string>
            {
                ["Knowledge__CorpusPath"] = Path.Combine(RepoPaths.Root, "corpus"),
                ["Knowledge__IndexPath"] = Path.Combine(_temp, "k.index"),
                ["Storage__Sqlite__Path"] = Path.Combine(_temp, "bot.db"),
            });
        await _bot.WaitForOutputAsync("Application started", StartupTimeout);

        _playgroundPort = FreePort();
        var playgroundDir = Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "Teams", "playground");
        var cli = Path.Combine(RepoPaths.Root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        Assert.True(File.Exists(cli), $"The playground is not installed at {cli}; run npm ci at the repository root.");
        _playground = ChildProcess.Start("playground", "node",
            [cli, "-p", _playgroundPort.ToString(), "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "--disable-telemetry"],
            _temp,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(playgroundDir, "m365agentsplayground.yml"),
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = PlaygroundLog,
            });
        // It falls back to a random port when the one asked for was taken; the exact line says it was not.
        await _playground.WaitForOutputAsync($"Listening on {_playgroundPort}", StartupTimeout);
        using var connecting = new CancellationTokenSource(StartupTimeout);
        _stream = await PlaygroundStream.ConnectAsync(_playgroundPort, connecting.Token);
    }

    public async Task DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
        _playground?.Dispose();
        _bot?.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // A process that was slow to die may still hold a file; the temp folder is the OS's to clean.
        }
    }

    [Fact]
    public async Task ChannelMessageMentioningTheBotGetsAGroundedAnswerInTheThread()
    {
        const string mention = "<at>Clinic FAQ</at>";
        var posted = await _http.PostAsJsonAsync(
            $"http://127.0.0.1:{_playgroundPort}/_conversation/v1/conversations/{Uri.EscapeDataString(ChannelId)}/messages",
            new
            {
                from = new { id = UserId },
                text = $"{mention} what are the side effects of ketamine?",
                textFormat = "xml",
                mentions = new[] { new { mentioned = new { id = BotId }, text = mention } },
            });
        var postedBody = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"The playground refused the message: {(int)posted.StatusCode} {postedBody}\n{Diagnostics()}");
        var thread = JsonDocument.Parse(postedBody).RootElement.GetProperty("postConversationId").GetString();
        Assert.False(string.IsNullOrEmpty(thread), $"The playground gave no thread id: {postedBody}");

        // The first message the bot posts anywhere in this channel, thread or not: the assertions decide where it went.
        var frame = await _stream!.WaitForAsync(IsBotMessageInChannel, ReplyTimeout);

        Assert.True(frame is not null, $"No bot message reached the playground within {ReplyTimeout.TotalSeconds:0} s.\n{Diagnostics()}");
        var reply = frame.Value;
        Assert.True(reply.GetProperty("actionConversationId").GetString() == thread,
            $"The answer was not posted in the thread '{thread}'.\n{reply}\n{Diagnostics()}");
        var text = reply.GetProperty("message").GetProperty("text").GetString() ?? "";
        Assert.True(text.Contains("side effects", StringComparison.OrdinalIgnoreCase), $"The answer does not speak of side effects:\n{text}\n{Diagnostics()}");
        Assert.True(text.Contains("**Sources:**", StringComparison.Ordinal), $"The answer has no Markdown sources list:\n{text}\n{Diagnostics()}");
    }

    private static bool IsBotMessageInChannel(JsonElement frame) =>
        frame.TryGetProperty("action", out var action) && action.GetString() == "createMessage"
        && frame.TryGetProperty("actionConversationId", out var conversation) && conversation.GetString()?.StartsWith(ChannelId, StringComparison.Ordinal) == true
        && frame.TryGetProperty("message", out var message)
        && message.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var id) && id.GetString() == BotId;

    private string PlaygroundLog => Path.Combine(_temp, "playground.log");

    private string Diagnostics()
    {
        var log = File.Exists(PlaygroundLog) ? File.ReadAllText(PlaygroundLog) : "(no playground log)";
        return $"{_bot?.Describe()}\n{_playground?.Describe()}\n--- playground log (tail) ---\n{log[Math.Max(0, log.Length - 8000)..]}\n"
            + $"--- conversation stream frames ---\n{_stream?.Seen}";
    }

    private static string BotDll()
    {
        // Same configuration as these tests: tests/Bot.Tests/bin/<config>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "Bot", "bin", configuration, "net10.0", "Clinic.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The bot is not built at {dll}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
