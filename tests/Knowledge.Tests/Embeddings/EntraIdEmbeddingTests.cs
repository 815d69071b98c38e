using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Identity;
using Clinic.Bot.Tests.Protocol;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace Clinic.Knowledge.Tests.Embeddings;

/// <summary>
/// <c>UseEntraId</c>: Azure.Identity's real client-credentials flow against a local Entra ID token endpoint (https, as
/// Azure.Identity insists), and the token it issues carried to Azure OpenAI as the bearer, in place of a key.
/// </summary>
public sealed class EntraIdEmbeddingTests : IAsyncLifetime
{
    private const string TenantId = "3c5e7a9b-1111-4222-8333-444455556666";
    private const string ClientId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private readonly X509Certificate2 _certificate = LocalServer.CreateCertificate();
    private readonly ConcurrentQueue<Dictionary<string, string>> _tokenRequests = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("entra-embed-").FullName;
    private LocalServer _login = null!;
    private FakeEmbeddingsServer _openAI = null!;

    public async Task InitializeAsync()
    {
        _openAI = await FakeEmbeddingsServer.StartAsync(httpsCertificate: _certificate);
        _login = await LocalServer.StartAsync(
            app => app.MapPost($"/{TenantId}/oauth2/v2.0/token", async (HttpContext context) =>
            {
                var form = (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
                _tokenRequests.Enqueue(form);
                if (form.GetValueOrDefault("client_secret") != "right-secret")
                    return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret." }, statusCode: 401);
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "entra-access-token" });
            }),
            httpsCertificate: _certificate);
    }

    public async Task DisposeAsync()
    {
        await _login.DisposeAsync();
        await _openAI.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private RemoteKnowledge Knowledge(string secret) => new(
        _openAI.Endpoint, "embed-small", Path.Combine(_folder, "k.index"), entraId: Credential(secret),
        primaryHandler: () => LocalServer.Trusting(_certificate));

    private ClientSecretCredential Credential(string secret) => new(TenantId, ClientId, secret, new ClientSecretCredentialOptions
    {
        AuthorityHost = new Uri(_login.BaseUrl),
        DisableInstanceDiscovery = true,
        Transport = new HttpClientTransport(LocalServer.Trusting(_certificate)),
        Retry = { MaxRetries = 0 },
    });

    [Fact]
    public async Task SendsAnEntraIdTokenForTheCognitiveServicesScopeInsteadOfAKeyAndReusesIt()
    {
        _openAI.AcceptedEntraToken = "entra-access-token";
        using var knowledge = Knowledge("right-secret");

        await knowledge.Generator.GenerateAsync(["Ketamine is given as an infusion."]);
        await knowledge.Generator.GenerateAsync(["The nasal spray is esketamine."]);

        var tokenRequest = Assert.Single(_tokenRequests);
        Assert.Equal(OpenAIClientFactory.AzureScope, tokenRequest["scope"]);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(ClientId, tokenRequest["client_id"]);
        Assert.All(_openAI.Requests, r => Assert.Equal("Bearer entra-access-token", r.Authorization));
        Assert.Equal(2, _openAI.Requests.Count);
    }

    [Fact]
    public async Task ARefusedEntraIdSignInFailsTheCallWithoutReachingAzureOpenAI()
    {
        _openAI.AcceptedEntraToken = "entra-access-token";
        using var knowledge = Knowledge("wrong-secret");

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => knowledge.Generator.GenerateAsync(["Ketamine"]));

        Assert.Contains("UseEntraId", error.Message);

        Assert.NotEmpty(_tokenRequests);
        Assert.Empty(_openAI.Requests);
    }
}
