using Clinic.Bot.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>
/// The app as the lead's Program.cs will build it (AddDirectLine, AddWebChat, BotActivityHandler), listening with Kestrel
/// on a random port of 127.0.0.1, with a hand-moved clock.
/// </summary>
internal sealed class ChatTestHost : IAsyncDisposable
{
    private ChatTestHost(WebApplication app, ManualTimeProvider clock, CapturedLogs logs)
    {
        App = app;
        Clock = clock;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public ManualTimeProvider Clock { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public DirectLineClient DirectLine => new(Http);

    public static async Task<ChatTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepoPaths.BotProject,
            WebRootPath = "wwwroot",
            // Not Development: user secrets of a developer's machine must not leak into tests.
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var defaults = new Dictionary<string, string?>
        {
            // Tests are independent of whatever the machine's environment says about Azure.
            ["DirectLine:Secret"] = "",
            ["DirectLine:TokenSigningKey"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(defaults);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);

        var clock = new ManualTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddDirectLine();
        builder.AddWebChat();
        builder.Services.AddScoped<IDirectLineBot, EchoBot>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDirectLine();
        app.MapWebChat();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ChatTestHost(app, clock, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
