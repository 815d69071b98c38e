using Clinic.Bot.Storage;
using Clinic.Bot.Tests.Escalation;
using Microsoft.Playwright;

namespace Clinic.Bot.Tests.Staff;

/// <summary>The staff page in a real browser (Debian's Chromium, headless): sign in, see an escalation, acknowledge it.</summary>
public sealed class StaffPageBrowserTests : EscalationTestBase
{
    private const string Key = "correct-horse-battery-staple-42";
    private const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";

    [Fact]
    public async Task StaffSignInSeeVisitorTextAsPlainTextAndAcknowledge()
    {
        var settings = EscalationHost.Settings(DatabasePath);
        settings["Staff:Key"] = Key;
        var host = await StartHostAsync(settings);
        var id = await host.RaiseAsync(text: Hostile);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // Failed loads are checked below by URL, where the browser's own favicon request can be told apart.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                consoleErrors.Add(message.Text);
        };
        var failedLoads = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
                failedLoads.Add($"{response.Status} {response.Url}");
        };
        await page.GotoAsync(host.BaseUrl + "/staff");

        await page.FillAsync("#key-name", "Nurse Kim");
        await page.FillAsync("#key-value", Key);
        await page.ClickAsync("#key-form button[type=submit]");
        var row = page.Locator($"#list li[data-id='{id}']");
        await row.WaitForAsync();
        await row.ClickAsync();
        await page.Locator("#detail-message").WaitForAsync();

        // What the visitor typed is shown, character for character, and none of it became markup.
        Assert.Equal(Hostile, await page.Locator("#detail-message").TextContentAsync());
        Assert.Contains(Hostile, await page.Locator("#detail-transcript").TextContentAsync());
        Assert.Equal(0, await page.Locator("main img, main b, main script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));

        await page.ClickAsync("#acknowledge");
        await page.Locator("#detail-status", new() { HasTextString = "acknowledged by Nurse Kim (staff key)" }).WaitForAsync();

        Assert.True(await page.Locator("#acknowledge").IsHiddenAsync());
        Assert.True(await page.Locator("#resolve").IsVisibleAsync());
        Assert.Equal((EscalationStatus.Acknowledged, "Nurse Kim (staff key)"), ((await host.EscalationAsync(id)).Status, (await host.EscalationAsync(id)).AcknowledgedBy));
        Assert.Contains("acknowledged by Nurse Kim (staff key)", await page.Locator("#detail-audit").TextContentAsync());
        Assert.Empty(consoleErrors);
        Assert.Empty(failedLoads);
    }
}
