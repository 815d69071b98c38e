using Clinic.Bot.Knowledge;
using Clinic.Bot.Turns;
using Clinic.Bot.Safety;
using Microsoft.Extensions.Logging.Console;

namespace Clinic.Bot.Cli;

/// <summary>The command-line face of the service: the same pipeline as chat, with no web host.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["ask", "eval", "index", "corpus", "bench", "load", "manifest", "train-safety-net"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args[0] == "load")
            return await LoadCommand.RunAsync(args[1..], output, error, CancellationToken.None);
        if (args[0] == "train-safety-net")
            return await TrainSafetyNetCommand.RunAsync(args[1..], output, error);
        if (args[0] == "manifest")
            return await ManifestCommand.RunAsync(args[1..], output, error, CancellationToken.None);
        using var host = BuildHost();
        try
        {
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await error.WriteLineAsync("Configuration error: " + string.Join(" ", e.Failures));
            return 2;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var services = host.Services;
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "ask" => await AskCommand.RunAsync(services, rest, input, output, error, cts.Token),
                "eval" => await EvalCommand.RunAsync(services, rest, output, error, cts.Token),
                "index" => await IndexCommand.RunAsync(services, output, cts.Token),
                "corpus" => await CorpusCommand.RunAsync(services, rest, output, cts.Token),
                "bench" => await BenchCommand.RunAsync(services, rest, output, cts.Token),
                _ => 2,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or SafetyTermsException)
        {
            // Configuration and environment faults carry the fix in their message; a stack trace would hide it.
            await error.WriteLineAsync("Error: " + e.Message);
            return 1;
        }
    }

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddKnowledge();
        builder.AddSafety();
        builder.AddTurns();
        return builder.Build();
    }
}
