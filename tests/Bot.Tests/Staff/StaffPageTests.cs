using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Escalation;

namespace Clinic.Bot.Tests.Staff;

public sealed class StaffPageTests : EscalationTestBase
{
    private const string Key = "correct-horse-battery-staple-42";

    [Fact]
    public async Task WithoutAKeyThePageIsOffAndSaysSoAtStart()
    {
        var host = await StartHostAsync(EscalationHost.Settings(DatabasePath));

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/staff/api/escalations")).StatusCode);
        Assert.Contains("Staff page is OFF", host.Logs.All);
    }

    [Fact]
    public async Task EverythingBehindThePageNeedsTheKey()
    {
        var host = await StartStaffHostAsync();
        var id = await host.RaiseAsync(text: VisitorText);
        using var anonymous = Browser(host, out _);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/staff/api/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/staff/api/escalations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(anonymous, $"/staff/api/escalations/{id}/acknowledge")).StatusCode);
        var me = await anonymous.GetFromJsonAsync<JsonElement>("/staff/api/me");
        Assert.False(me.GetProperty("signedIn").GetBoolean());
        Assert.True(me.GetProperty("key").GetBoolean());

        var wrong = await SignInAsync(anonymous, "not-the-key-at-all-0000", "Nurse Kim");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Contains("Staff sign-in refused: wrong staff key", host.Logs.All);
        Assert.DoesNotContain("not-the-key-at-all", host.Logs.All);

        // A forged cookie (someone else's name, no valid MAC) is worth nothing.
        using var forged = Browser(host, out var jar);
        jar.Add(new Uri(host.BaseUrl), new Cookie("clinic-staff", "eyJOIjoiTWFsbG9yeSIsIkUiOjQxMDI0NDQ4MDB9.AAAA", "/staff"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/staff/api/escalations")).StatusCode);
        Assert.Equal(EscalationStatus.Open, (await host.EscalationAsync(id)).Status);
    }

    [Fact]
    public async Task SignInNeedsTheCustomHeaderAndSetsAStrictHttpOnlyCookie()
    {
        var host = await StartStaffHostAsync();
        using var browser = Browser(host, out _);

        var noHeader = await browser.PostAsJsonAsync("/staff/api/session", new { key = Key, name = "Nurse Kim" });
        var signedIn = await SignInAsync(browser, Key, "Nurse Kim");

        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("clinic-staff=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, cookie);
        var me = await browser.GetFromJsonAsync<JsonElement>("/staff/api/me");
        Assert.Equal("Nurse Kim", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListsOpenEscalationsShowsTheTranscriptAndAcknowledgesWithAnAuditTrail()
    {
        var teams = Own(await FakeTeams.StartAsync());
        var host = await StartStaffHostAsync(teams);
        var id = await host.RaiseAsync(text: VisitorText, contactJson: ContactJson);
        await host.AllDeliveredAsync(id);
        using var browser = Browser(host, out _);
        await SignInAsync(browser, Key, "Nurse Kim");

        var list = await browser.GetFromJsonAsync<JsonElement>("/staff/api/escalations");
        var item = Assert.Single(list.GetProperty("escalations").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal(VisitorText, item.GetProperty("triggeringText").GetString());
        Assert.Equal("delivered", item.GetProperty("deliveries")[0].GetProperty("status").GetString());

        var detail = await browser.GetFromJsonAsync<JsonElement>($"/staff/api/escalations/{id}");
        Assert.Equal(["what is ketamine therapy?", "Ketamine therapy is...", VisitorText], detail.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        Assert.Equal(VisitorPhone, detail.GetProperty("escalation").GetProperty("contact").GetProperty("phone").GetString());

        var withoutHeader = await browser.PostAsync($"/staff/api/escalations/{id}/acknowledge", null);
        var acknowledged = await Post(browser, $"/staff/api/escalations/{id}/acknowledge");

        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var after = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", after.GetProperty("escalation").GetProperty("status").GetString());
        var audit = after.GetProperty("audit").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("actor").GetString())).ToList();
        Assert.Equal([("created", "bot"), ("acknowledged", "Nurse Kim (staff key)")], audit);
        Assert.Equal("Nurse Kim (staff key)", (await host.EscalationAsync(id)).AcknowledgedBy);

        // The Teams card shows it too, and the default list still has it until it is resolved.
        Assert.Contains("Acknowledged by Nurse Kim (staff key)", Assert.Single(teams.Updated.Values));
        Assert.Single((await browser.GetFromJsonAsync<JsonElement>("/staff/api/escalations")).GetProperty("escalations").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Post(browser, $"/staff/api/escalations/{id}/resolve")).StatusCode);
        Assert.Empty((await browser.GetFromJsonAsync<JsonElement>("/staff/api/escalations")).GetProperty("escalations").EnumerateArray());
        Assert.Single((await browser.GetFromJsonAsync<JsonElement>("/staff/api/escalations?status=resolved")).GetProperty("escalations").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Post(browser, "/staff/api/escalations/esc_missing/resolve")).StatusCode);
        AssertNoPersonalData(host.Logs);
    }

    [Fact]
    public async Task SessionEndsWhenItExpiresOrOnSignOut()
    {
        var time = new ShiftableTime();
        var settings = StaffSettings();
        settings["Staff:SessionLifetime"] = "01:00:00";
        var host = await StartHostAsync(settings, time);
        using var browser = Browser(host, out _);
        await SignInAsync(browser, Key, "Nurse Kim");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/api/escalations")).StatusCode);

        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/staff/api/escalations")).StatusCode);

        await SignInAsync(browser, Key, "Nurse Kim");
        var signOut = new HttpRequestMessage(HttpMethod.Delete, "/staff/api/session");
        signOut.Headers.Add("X-Staff-Request", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/staff/api/escalations")).StatusCode);
    }

    [Fact]
    public async Task PageIsServedWithAStrictContentSecurityPolicyAndNoInlineScript()
    {
        var host = await StartStaffHostAsync();

        var page = await host.Client.GetAsync("/staff");
        var html = await page.Content.ReadAsStringAsync();
        var script = await host.Client.GetStringAsync("/staff/staff.js");

        Assert.True(page.IsSuccessStatusCode, $"{page.StatusCode}: {html}");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script src=\"/staff/staff.js\" defer></script>", html);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotContain("innerHTML", script);
        Assert.DoesNotContain("insertAdjacentHTML", script);
        Assert.DoesNotContain("document.write", script);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/staff/appsettings.json")).StatusCode);
    }

    private Dictionary<string, string?> StaffSettings(FakeTeams? teams = null)
    {
        var settings = EscalationHost.Sinks(EscalationHost.Settings(DatabasePath), teams, null, null);
        settings["Staff:Key"] = Key;
        return settings;
    }

    private Task<EscalationHost> StartStaffHostAsync(FakeTeams? teams = null) => StartHostAsync(StaffSettings(teams));

    internal static HttpClient Browser(EscalationHost host, out CookieContainer jar)
    {
        jar = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(host.BaseUrl) };
    }

    internal static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/staff/api/session") { Content = JsonContent.Create(new { key, name }) };
        request.Headers.Add("X-Staff-Request", "1");
        return browser.SendAsync(request);
    }

    internal static Task<HttpResponseMessage> Post(HttpClient browser, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-Staff-Request", "1");
        return browser.SendAsync(request);
    }
}
