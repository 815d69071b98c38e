using System.Net;
using System.Net.Sockets;

namespace Clinic.Bot.Tests.DirectLine;

/// <summary>With a Direct Line secret configured, the website token comes from Azure and the secret stays on the server.</summary>
public sealed class AzureTokenExchangeTests
{
    private const string Secret = "super-secret-directline-key.abc123";

    private static Dictionary<string, string?> SettingsFor(Uri endpoint) => new()
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:AzureTokenEndpoint"] = endpoint.ToString(),
        ["DirectLine:AzureDomain"] = "https://directline.botframework.com/v3/directline",
    };

    [Fact]
    public async Task WebsiteTokenComesFromAzureAndTheSecretNeverReachesTheBrowser()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync(Secret);
        await using var host = await ChatTestHost.StartAsync(SettingsFor(azure.TokenEndpoint));

        using var response = await host.Http.PostAsync("api/directline/token", content: null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(response.Headers.SelectMany(h => h.Value), v => v.Contains(Secret));
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("azure-token-for-AzConv123", json.GetProperty("token").GetString());
        Assert.Equal("AzConv123", json.GetProperty("conversationId").GetString());
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("https://directline.botframework.com/v3/directline", json.GetProperty("domain").GetString());

        var (authorization, sent) = Assert.Single(azure.Requests);
        Assert.Equal("Bearer " + Secret, authorization);
        Assert.StartsWith("dl_", FakeAzureDirectLine.UserIdSent(sent));
    }

    [Fact]
    public async Task WhenAzureRefusesTheVisitorGetsA502WithoutDetails()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync(Secret);
        azure.Status = 500;
        await using var host = await ChatTestHost.StartAsync(SettingsFor(azure.TokenEndpoint));

        var reply = await host.DirectLine.SendAsync(HttpMethod.Post, "/api/directline/token");

        Assert.Equal(HttpStatusCode.BadGateway, reply.Status);
        Assert.Equal("TokenServiceUnavailable", reply.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain(Secret, reply.Json.GetRawText());
    }

    [Fact]
    public async Task WhenAzureCannotBeReachedTheVisitorGetsA502()
    {
        var closedPort = new TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();
        await using var host = await ChatTestHost.StartAsync(SettingsFor(new Uri($"http://127.0.0.1:{port}/v3/directline/tokens/generate")));

        var reply = await host.DirectLine.SendAsync(HttpMethod.Post, "/api/directline/token");

        Assert.Equal(HttpStatusCode.BadGateway, reply.Status);
    }

    [Fact]
    public async Task ThePageMayConnectToAzureOnlyWhenASecretIsConfigured()
    {
        await using var azure = await FakeAzureDirectLine.StartAsync(Secret);
        await using var withAzure = await ChatTestHost.StartAsync(SettingsFor(azure.TokenEndpoint));
        await using var embedded = await ChatTestHost.StartAsync();

        using var azurePage = await withAzure.Http.GetAsync("/");
        using var embeddedPage = await embedded.Http.GetAsync("/");

        Assert.Contains("https://directline.botframework.com", azurePage.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("botframework.com", embeddedPage.Headers.GetValues("Content-Security-Policy").Single());
    }
}
