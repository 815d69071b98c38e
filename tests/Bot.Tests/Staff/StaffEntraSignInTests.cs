using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Escalation;
using Clinic.Bot.Tests.Protocol;
using Microsoft.AspNetCore.WebUtilities;

namespace Clinic.Bot.Tests.Staff;

/// <summary>Entra ID sign-in to /staff over HTTPS, against a local OpenID Connect provider.</summary>
public sealed class StaffEntraSignInTests : EscalationTestBase
{
    private const string ClientId = "3b8f7a6e-0c1d-4e2f-9a8b-7c6d5e4f3a2b";
    private const string NurseOid = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    private FakeEntra _entra = null!;
    private X509Certificate2 _certificate = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _entra = Own(await FakeEntra.StartAsync());
        _certificate = LocalServer.CreateCertificate();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task EntraSignInLetsStaffActAndTheAuditShowsTheirObjectId()
    {
        var host = await StartAsync(requiredRole: null);
        var id = await host.RaiseAsync(text: VisitorText);
        using var browser = Browser(host);

        var me = await SignInAsync(browser, "Nurse Kim", NurseOid);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("signedIn").GetBoolean());
        Assert.Equal(("Nurse Kim", "entra"), (body.GetProperty("name").GetString(), body.GetProperty("method").GetString()));

        var acknowledged = await StaffPageTests.Post(browser, $"/staff/api/escalations/{id}/acknowledge");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal($"Nurse Kim (entra:{NurseOid})", (await host.EscalationAsync(id)).AcknowledgedBy);
    }

    [Fact]
    public async Task UsersWithoutTheRequiredRoleAreNotLetIn()
    {
        var host = await StartAsync(requiredRole: "Clinic.Staff");
        using var outsider = Browser(host);
        using var staff = Browser(host);

        var (state, nonce) = await StartSignInAsync(outsider);
        var refused = await CallbackAsync(outsider, state, _entra.IdToken(ClientId, nonce, "Someone Else", "0f0f0f0f-0000-4000-8000-000000000001", "Other.Role"));
        var allowed = await SignInAsync(staff, "Nurse Kim", NurseOid, "Clinic.Staff");

        Assert.Equal("/staff/?signin=failed", refused.Headers.Location!.OriginalString);
        Assert.False((await outsider.GetFromJsonAsync<JsonElement>("/staff/api/me")).GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await outsider.GetAsync("/staff/api/escalations")).StatusCode);
        Assert.True((await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task TokenForAnotherAppOrWithTheWrongNonceIsRejected()
    {
        var host = await StartAsync(requiredRole: null);
        using var browser = Browser(host);

        var (state, nonce) = await StartSignInAsync(browser);
        var otherApp = await CallbackAsync(browser, state, _entra.IdToken("another-app-id", nonce, "Mallory", NurseOid));
        var (state2, _) = await StartSignInAsync(browser);
        var wrongNonce = await CallbackAsync(browser, state2, _entra.IdToken(ClientId, "not-the-nonce", "Mallory", NurseOid));

        Assert.Equal("/staff/?signin=failed", otherApp.Headers.Location!.OriginalString);
        Assert.Equal("/staff/?signin=failed", wrongNonce.Headers.Location!.OriginalString);
        Assert.Contains("Staff Entra ID sign-in refused", host.Logs.All);
        Assert.DoesNotContain("Mallory", host.Logs.All);
        Assert.False((await browser.GetFromJsonAsync<JsonElement>("/staff/api/me")).GetProperty("signedIn").GetBoolean());
    }

    private async Task<EscalationHost> StartAsync(string? requiredRole)
    {
        var settings = EscalationHost.Settings(DatabasePath);
        settings["Staff:Authority"] = _entra.Authority;
        settings["Staff:ClientId"] = ClientId;
        settings["Staff:RequiredRole"] = requiredRole;
        return Own(await EscalationHost.StartAsync(settings, https: _certificate));
    }

    private HttpClient Browser(EscalationHost host)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string oid, params string[] roles)
    {
        var (state, nonce) = await StartSignInAsync(browser);
        var callback = await CallbackAsync(browser, state, _entra.IdToken(ClientId, nonce, name, oid, roles));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/staff/", callback.Headers.Location!.OriginalString);
        return await browser.GetAsync("/staff/api/me");
    }

    // The app sends the browser to Entra with a state and a nonce; Entra would show its sign-in page.
    private async Task<(string State, string Nonce)> StartSignInAsync(HttpClient browser)
    {
        var challenge = await browser.GetAsync("/staff/signin");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(_entra.Authority + "/oauth2/v2.0/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal(browser.BaseAddress + "staff/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("form_post", query["response_mode"].ToString());
        return (query["state"].ToString(), query["nonce"].ToString());
    }

    // Entra's form_post: the browser posts the token back to the app's redirect URI.
    private static Task<HttpResponseMessage> CallbackAsync(HttpClient browser, string state, string idToken) =>
        browser.PostAsync("/staff/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = idToken, ["state"] = state }));
}
