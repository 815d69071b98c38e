using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Bot.Tests.Web;

/// <summary>
/// One page of the real app in Chromium, recording what must never happen on it: console errors, Content-Security-Policy
/// refusals (a refusal means markup got into the page even though the policy stopped it), uncaught errors and dialogs,
/// and the Direct Line conversation id the page was given.
/// </summary>
internal sealed partial class BrowserSession
{
    private BrowserSession(IPage page) => Page = page;

    public IPage Page { get; }

    public ConcurrentQueue<string> Problems { get; } = new();

    public string? ConversationId { get; private set; }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri url, int width = 1280, int height = 860)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        var session = new BrowserSession(await context.NewPageAsync());
        var page = session.Page;
        page.Console += (_, message) =>
        {
            // The browser's own favicon probe on /staff is a 404 and not the page's fault.
            if ((message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                session.Problems.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => session.Problems.Enqueue("page error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            session.Problems.Enqueue("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (ActivitiesUrl().Match(request.Url) is { Success: true } match)
            {
                session.ConversationId ??= Uri.UnescapeDataString(match.Groups[1].Value);
            }
        };
        await page.GotoAsync(url.ToString());
        return session;
    }

    /// <summary>Web Chat shows "Connecting…" until Direct Line is online.</summary>
    public async Task WaitUntilConnectedAsync()
    {
        await Expect(Page.Locator(ChatPageSelectors.SendBox).First).ToBeVisibleAsync();
        await Expect(Page.GetByText("Connecting…")).ToHaveCountAsync(0);
    }

    /// <summary>Types into the send box with the keyboard and presses Enter, as a visitor would.</summary>
    public async Task TypeAndSendAsync(string text)
    {
        await Page.Locator(ChatPageSelectors.SendBox).First.FocusAsync();
        await Page.Keyboard.InsertTextAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>What a script payload would have set; null while nothing ran.</summary>
    public Task<string?> PwnedFlagAsync() => Page.EvaluateAsync<string?>("() => window.__pwned === undefined ? null : String(window.__pwned)");

    [GeneratedRegex(@"/v3/directline/conversations/([^/?]+)/activities")]
    private static partial Regex ActivitiesUrl();
}
