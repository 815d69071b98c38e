using System.Diagnostics;
using System.Text.Json;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>The real DirectLineJS client (what Web Chat uses), run in Node against the running app, in both receive modes.</summary>
public sealed class DirectLineJsClientTests : IAsyncLifetime
{
    private ChatTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ChatTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("polling")]
    [InlineData("websocket")]
    public async Task DirectLineJsSendsAMessageAndReceivesTheBotsReply(string mode)
    {
        var (exitCode, output, errors) = await RunNodeAsync("directline-client.mjs", _host.BaseAddress.ToString(), mode, "Is ketamine safe?");

        Assert.True(exitCode == 0, $"node exited {exitCode}: {output}\n{errors}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal(mode == "websocket", root.GetProperty("usesWebSocket").GetBoolean());
        Assert.Equal("echo: Is ketamine safe?", root.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal(root.GetProperty("postedId").GetString(), root.GetProperty("reply").GetProperty("replyToId").GetString());
        Assert.True(root.GetProperty("echoSeen").GetBoolean());
        Assert.Contains("Online", root.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunNodeAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.TestsDirectLine,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.TestsDirectLine, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await output).Trim(), await errors);
    }
}
