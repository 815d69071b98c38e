using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.App;

/// <summary>
/// The whole app as Program.cs builds it (real model, real corpus, a real SQLite file), listening on a random
/// loopback port with Kestrel. One per test class; the database file outlives a restart within the class.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public string Folder { get; } = Directory.CreateTempSubdirectory("app-").FullName;

    /// <summary>Settings a derived fixture adds on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    /// <summary>Service replacements a derived fixture makes after Program.cs registered everything.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    public HttpClient Http { get; private set; } = null!;

    /// <summary>What a derived fixture adds to the host (services, logging) after the settings.</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder web)
    {
    }

    public IServiceProvider Services => _factory!.Services;

    public Uri BaseAddress => Http.BaseAddress!;

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Knowledge:CorpusPath", Path.Combine(AppContext.BaseDirectory, "corpus"));
            web.UseSetting("Knowledge:IndexPath", Path.Combine(Folder, "knowledge.index"));
            web.UseSetting("Storage:Sqlite:Path", DatabasePath);
            web.UseSetting("Storage:Retention:Enabled", "false");
            web.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in ExtraSettings)
                web.UseSetting(key, value);
            web.UseSetting("DirectLine:TokenSigningKey", Convert.ToBase64String(new byte[32]));
            ConfigureWebHost(web);
            web.ConfigureServices(ConfigureServices);
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Http = _factory.CreateClient();
        Http.Timeout = TimeSpan.FromSeconds(60);
    }

    /// <summary>Stops the app as a restart would, keeping the database file.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StopAsync()
    {
        Http.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A visitor on the website: a Direct Line token and conversation, as Web Chat gets them.</summary>
    public async Task<Visitor> NewVisitorAsync()
    {
        var token = (await (await Http.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await Http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        return new Visitor(Http, body["conversationId"]!.GetValue<string>(), body["token"]?.GetValue<string>() ?? token);
    }
}
