using System.Text.RegularExpressions;
using Clinic.Bot.Cli;
using Clinic.Bot.Tests.App;

namespace Clinic.Bot.Tests.Cli;

/// <summary>The load command against the whole app on loopback: a few bounded turns, read as Web Chat reads them.</summary>
public sealed partial class LoadCommandTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(int Code, string Output)> RunAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(
            ["load", "--url", app.BaseAddress.ToString(), "--conversations", "2", "--turns", "6", "--turns-per-conversation", "2", "--seconds", "60", .. extra],
            new StringReader(""), output, error);
        Assert.Equal("", error.ToString());
        return (code, output.ToString());
    }

    [Fact]
    public async Task CountsEveryRepliedTurnFromTheWebSocketStream()
    {
        var (code, output) = await RunAsync();
        Assert.Equal(0, code);
        Assert.Contains("(WebSocket stream, closed loop)", output);
        Assert.Equal("6", Summary().Match(output).Groups["turns"].Value);
        Assert.Equal("0", Summary().Match(output).Groups["errors"].Value);
        Assert.Matches(@"server memory: working set \d+ MiB, GC heap \d+ MiB before", output);
    }

    [Fact]
    public async Task CountsEveryRepliedTurnWhenPolling()
    {
        var (code, output) = await RunAsync("--poll");
        Assert.Equal(0, code);
        Assert.Contains("(polling, closed loop)", output);
        Assert.Equal("6", Summary().Match(output).Groups["turns"].Value);
        Assert.Equal("0", Summary().Match(output).Groups["errors"].Value);
    }

    [Fact]
    public async Task PacesTurnsAtTheRequestedRateAndCountsLatencyFromWhenEachWasDue()
    {
        var (code, output) = await RunAsync("--rate", "20");
        Assert.Equal(0, code);
        Assert.Contains("(WebSocket stream, paced at 20 turns/s)", output);
        Assert.Contains("latency (due time to reply)", output);
        Assert.Equal("6", Summary().Match(output).Groups["turns"].Value);
        Assert.Equal("0", Summary().Match(output).Groups["errors"].Value);
    }

    [Fact]
    public async Task RefusesAnAddressOffThisMachine()
    {
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(["load", "--url", "http://192.0.2.1:5000"], new StringReader(""), new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.Contains("loopback", error.ToString());
    }

    [GeneratedRegex(@"turns: (?<turns>\d+), errors: (?<errors>\d+)")]
    private static partial Regex Summary();
}
