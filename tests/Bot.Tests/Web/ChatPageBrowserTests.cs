using System.Collections.Concurrent;
using System.Text.Json;
using Clinic.Bot.DirectLine;
using Clinic.Bot.Protocol;
using Clinic.Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Bot.Tests.Web;

/// <summary>
/// The chat page in headless Chromium against the running app: welcome, suggested and typed questions, answers with
/// sources, disclaimers and feedback. Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class ChatPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string?> ClinicSettings = new()
    {
        ["Web:ClinicName"] = "Riverside Ketamine Clinic",
        ["Web:WelcomeMessage"] = "Hello. I can answer questions about ketamine therapy using our clinic's information. I can't give medical advice.",
        ["Web:SuggestedQuestions:0"] = "What is ketamine therapy?",
        ["Web:SuggestedQuestions:1"] = "How quickly can ketamine help with depression?",
        ["Web:SuggestedQuestions:2"] = "What side effects can ketamine cause?",
    };

    static ChatPageBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task VisitorSeesTheWelcomeAsksQuestionsAndGetsReplies()
    {
        await using var host = await ChatTestHost.StartAsync(ClinicSettings);
        var (page, problems) = await OpenAsync(host, width: 1280, height: 860);

        await Expect(page.Locator(ChatPageSelectors.ClinicName)).ToHaveTextAsync("Riverside Ketamine Clinic");
        await Expect(page).ToHaveTitleAsync("Chat with Riverside Ketamine Clinic");
        await Expect(page.Locator(ChatPageSelectors.WelcomeMessage)).ToContainTextAsync("answer questions about ketamine therapy");
        await Expect(page.Locator(ChatPageSelectors.CrisisNotice)).ToContainTextAsync("988");
        await Expect(page.Locator(ChatPageSelectors.SuggestedQuestion)).ToHaveTextAsync(
            ["What is ketamine therapy?", "How quickly can ketamine help with depression?", "What side effects can ketamine cause?"]);
        await WaitUntilConnectedAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshot("chat-welcome-desktop.png") });

        await AskAsync(page, "How long does an infusion take?");
        AssertAnswersQuestion(await RenderedAnswer.WaitForAsync(page, "How long does an infusion take?"), "How long does an infusion take?");

        await page.Locator(ChatPageSelectors.SuggestedQuestion).First.ClickAsync();
        AssertAnswersQuestion(await RenderedAnswer.WaitForAsync(page, "What is ketamine therapy?"), "What is ketamine therapy?");
        await Expect(page.Locator(ChatPageSelectors.UserBubble)).ToHaveCountAsync(2);

        await page.ScreenshotAsync(new() { Path = Screenshot("chat-echo-desktop.png") });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task AnswersShowSourcesAndDisclaimersAndFeedbackReachesTheBot()
    {
        var bot = new ScriptedBot(AnswerWithContractAsync);
        await using var host = await ChatTestHost.StartAsync(ClinicSettings, services => services.AddSingleton<IDirectLineBot>(bot));
        var (page, problems) = await OpenAsync(host, width: 1280, height: 860);

        await page.Locator(ChatPageSelectors.SuggestedQuestion).Nth(1).ClickAsync();
        var answer = await RenderedAnswer.WaitForAsync(page, "within hours");

        Assert.Contains("Many people notice", answer.Text);
        Assert.Equal(2, answer.Citations.Count);
        Assert.Equal(new RenderedCitation("Understanding how ketamine for depression works", "The science behind ketamine",
            "The rapid onset of action associated with ketamine can be particularly beneficial.", "001_ee3375f1a065d2ff.txt"), answer.Citations[0]);
        Assert.Equal(["This is general information from the clinic, not medical advice for you."], answer.Disclaimers);
        Assert.True(answer.OffersFeedback);
        // Markdown is rendered by Web Chat: bold text, not asterisks.
        await Expect(page.Locator(ChatPageSelectors.Answer).Locator("strong").First).ToHaveTextAsync("within hours");

        var quote = page.Locator(ChatPageSelectors.CitationQuote).First;
        await Expect(quote).Not.ToBeVisibleAsync();
        await page.Locator(".clinic-source__summary").First.ClickAsync();
        await Expect(quote).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = Screenshot("chat-answer-desktop.png") });

        await page.Locator(ChatPageSelectors.FeedbackUp).ClickAsync();
        await Expect(page.Locator(ChatPageSelectors.FeedbackThanks)).ToHaveTextAsync("Thanks for your feedback");
        await Expect(page.Locator(ChatPageSelectors.FeedbackThanks)).ToBeFocusedAsync();
        await Expect(page.Locator(ChatPageSelectors.FeedbackUp)).ToHaveCountAsync(0);

        var feedback = await WaitForAsync(() => bot.Turns.FirstOrDefault(t => t.Type == ActivityTypes.Event && t.Name == "feedback"));
        Assert.Equal("answer-001", feedback.Value!.Value.GetProperty("answerId").GetString());
        Assert.Equal("up", feedback.Value!.Value.GetProperty("rating").GetString());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task KeyboardUsersReachSuggestionsSourcesAndFeedback()
    {
        var bot = new ScriptedBot(AnswerWithContractAsync);
        await using var host = await ChatTestHost.StartAsync(ClinicSettings, services => services.AddSingleton<IDirectLineBot>(bot));
        var (page, problems) = await OpenAsync(host, width: 1024, height: 768);
        await WaitUntilConnectedAsync(page);

        // Tab from the top reaches the suggestions first; Enter asks.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(ChatPageSelectors.SuggestedQuestion).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await RenderedAnswer.WaitForAsync(page, "within hours");

        // Web Chat's transcript is one stop in the tab order; Enter steps into the focused answer, Tab moves within it.
        await page.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chat history") }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var feedbackUp = page.Locator(ChatPageSelectors.FeedbackUp);
        for (var presses = 0; presses < 6 && !await feedbackUp.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(feedbackUp).ToBeFocusedAsync();
        await Expect(feedbackUp).ToHaveAccessibleNameAsync("Yes, this answer was helpful");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(ChatPageSelectors.FeedbackThanks)).ToBeFocusedAsync();
        await WaitForAsync(() => bot.Turns.FirstOrDefault(t => t.Type == ActivityTypes.Event && t.Name == "feedback"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task OnAPhoneTheChatFillsTheScreenAndStaysUsable()
    {
        var bot = new ScriptedBot(AnswerWithContractAsync);
        await using var host = await ChatTestHost.StartAsync(ClinicSettings, services => services.AddSingleton<IDirectLineBot>(bot));
        var (page, problems) = await OpenAsync(host, width: 390, height: 844, mobile: true);
        await WaitUntilConnectedAsync(page);
        await page.ScreenshotAsync(new() { Path = Screenshot("chat-welcome-phone.png") });

        await AskAsync(page, "How quickly can ketamine help with depression?");
        await RenderedAnswer.WaitForAsync(page, "within hours");

        var shell = await page.Locator(".shell").BoundingBoxAsync();
        Assert.NotNull(shell);
        Assert.Equal(390, shell.Width, 1.0);
        Assert.Equal(844, shell.Height, 1.0);
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 390, $"the page scrolls sideways ({pageWidth}px wide)");
        await Expect(page.Locator(ChatPageSelectors.SendBox).First).ToBeInViewportAsync();

        await page.ScreenshotAsync(new() { Path = Screenshot("chat-answer-phone.png") });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task TheEmbedScriptOpensTheChatInAPanelOnTheClinicsOwnSite()
    {
        await using var host = await ChatTestHost.StartAsync(ClinicSettings);
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        await using var site = await ClinicSiteHost.StartAsync(
            "<!doctype html><html lang=en><head><title>Riverside Ketamine Clinic</title></head>" +
            "<body style='font-family:sans-serif;background:#fafafa;margin:2rem'><h1>Riverside Ketamine Clinic</h1><p>Our existing website.</p>" +
            $"<script src='{host.BaseAddress}embed.js' defer></script></body></html>");
        await page.GotoAsync(site.BaseAddress.ToString());

        var launcher = page.GetByRole(AriaRole.Button, new() { Name = "Questions? Chat with us" });
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await launcher.ClickAsync();

        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        var chat = page.FrameLocator("iframe[title='Chat with the clinic']");
        await Expect(chat.Locator(ChatPageSelectors.ClinicName)).ToHaveTextAsync("Riverside Ketamine Clinic");
        await chat.Locator(ChatPageSelectors.SuggestedQuestion).First.ClickAsync();
        await Expect(chat.Locator(ChatPageSelectors.BotBubble).Filter(new() { HasText = "What is ketamine therapy?" })).ToBeVisibleAsync();
        await Expect(chat.GetByText("Connecting…")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Screenshot("chat-embedded.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(launcher).ToBeFocusedAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task NothingTheBotSendsBecomesMarkup()
    {
        var bot = new ScriptedBot((activity, sender, ct) => activity.Type != ActivityTypes.Message
            ? Task.CompletedTask
            : sender.SendAsync(Answer(activity, "Careful <img src=x onerror=\"document.body.dataset.pwned='text'\"> <script>document.body.dataset.pwned='script'</script> end",
                new
                {
                    answerId = "answer-x",
                    answered = true,
                    citations = new[]
                    {
                        new { source = "javascript:alert(1)", title = "<img src=x onerror=\"document.body.dataset.pwned='title'\">", section = "<b>bold?</b>", quote = "<script>document.body.dataset.pwned='quote'</script>" },
                    },
                    disclaimers = new[] { "<a href=\"javascript:document.body.dataset.pwned='disclaimer'\">click</a>" },
                }), ct));
        await using var host = await ChatTestHost.StartAsync(ClinicSettings, services => services.AddSingleton<IDirectLineBot>(bot));
        var (page, _) = await OpenAsync(host, width: 1024, height: 768);

        await AskAsync(page, "anything");
        var answer = await RenderedAnswer.WaitForAsync(page, "Careful");
        await page.Locator(".clinic-source__summary").First.ClickAsync();

        Assert.Contains("<img src=x onerror=", answer.Text);
        Assert.Contains("<script>", answer.Text);
        Assert.Equal("<img src=x onerror=\"document.body.dataset.pwned='title'\">", answer.Citations[0].Title);
        Assert.Equal("<b>bold?</b>", answer.Citations[0].Section);
        Assert.Equal(0, await page.Locator(ChatPageSelectors.AnswerExtras + " img, " + ChatPageSelectors.AnswerExtras + " a, " + ChatPageSelectors.AnswerExtras + " b").CountAsync());
        Assert.Equal(0, await page.Locator(ChatPageSelectors.BotBubble + " img, " + ChatPageSelectors.BotBubble + " script").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => document.body.dataset.pwned ?? null"));
    }

    [Fact]
    public async Task EscalationAnswersDoNotAskForARating()
    {
        var bot = new ScriptedBot((activity, sender, ct) => activity.Type != ActivityTypes.Message
            ? Task.CompletedTask
            : sender.SendAsync(Answer(activity, "I'm concerned about what you said. A member of our team will contact you.",
                new { answerId = "answer-esc", answered = false, citations = Array.Empty<object>(), disclaimers = Array.Empty<string>(), escalation = new { reason = "crisis" } }), ct));
        await using var host = await ChatTestHost.StartAsync(ClinicSettings, services => services.AddSingleton<IDirectLineBot>(bot));
        var (page, _) = await OpenAsync(host, width: 1024, height: 768);

        await AskAsync(page, "I don't want to be here anymore");
        var answer = await RenderedAnswer.WaitForAsync(page, "member of our team");

        Assert.False(answer.OffersFeedback);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AMessageOverTheLimitIsHeldBackWithAnExplanation()
    {
        await using var host = await ChatTestHost.StartAsync(ClinicSettings);
        var (page, _) = await OpenAsync(host, width: 1024, height: 768);

        await AskAsync(page, new string('a', 4001));

        await Expect(page.GetByText("Please keep it under 4,000 characters")).ToBeVisibleAsync();
        await Expect(page.Locator(ChatPageSelectors.UserBubble)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhenTheTokenEndpointFailsThePageSaysSoCalmly()
    {
        await using var host = await ChatTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "configured-but-azure-is-unreachable",
            ["DirectLine:AzureTokenEndpoint"] = "http://127.0.0.1:9/v3/directline/tokens/generate",
        });
        var (page, _) = await OpenAsync(host, width: 1024, height: 768);

        await Expect(page.Locator(ChatPageSelectors.PageStatus)).ToContainTextAsync("The chat is unavailable right now");
    }

    /// <summary>What the placeholder bot says to <paramref name="question"/>. When the grounded bot lands, check the
    /// answer's text, <see cref="RenderedAnswer.Citations"/> and <see cref="RenderedAnswer.Disclaimers"/> here instead.</summary>
    private static void AssertAnswersQuestion(RenderedAnswer answer, string question) =>
        Assert.Equal("echo: " + question, answer.Text);

    /// <summary>Answers the way the grounded bot will: Markdown text and channelData.clinic.</summary>
    private static Task AnswerWithContractAsync(Activity activity, Bot.IActivitySender sender, CancellationToken cancellationToken) =>
        activity.Type != ActivityTypes.Message
            ? Task.CompletedTask
            : sender.SendAsync(Answer(activity,
                "Many people notice an improvement **within hours** to a few days of a ketamine treatment, " +
                "though it does not work for everyone.\n\nYour care team can tell you what to expect in your own case.",
                new
                {
                    answerId = "answer-001",
                    answered = true,
                    citations = new[]
                    {
                        new
                        {
                            source = "001_ee3375f1a065d2ff.txt",
                            title = "Understanding how ketamine for depression works",
                            section = "The science behind ketamine",
                            quote = "The rapid onset of action associated with ketamine can be particularly beneficial.",
                        },
                        new
                        {
                            source = "000_dbca475f5f11b165.txt",
                            title = "Ketamine for depression",
                            section = "How it is given",
                            quote = "The effects of ketamine are rapid, with many patients reporting an improvement in symptoms within hours or days of treatment.",
                        },
                    },
                    disclaimers = new[] { "This is general information from the clinic, not medical advice for you." },
                    escalation = (object?)null,
                }), cancellationToken);

    private static Activity Answer(Activity to, string markdown, object clinic) => new()
    {
        Type = ActivityTypes.Message,
        Text = markdown,
        TextFormat = "markdown",
        ReplyToId = to.Id,
        ChannelData = JsonSerializer.SerializeToElement(new { clinic }),
    };

    private async Task<(IPage Page, ConcurrentQueue<string> Problems)> OpenAsync(ChatTestHost host, int width, int height, bool mobile = false)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = mobile ? 2 : 1,
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        // Console errors and CSP refusals are failures: the page must run clean under its own policy.
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Enqueue(error);
        await page.GotoAsync(host.BaseAddress.ToString());
        return (page, problems);
    }

    /// <summary>Web Chat shows "Connecting…" until Direct Line is online.</summary>
    private static async Task WaitUntilConnectedAsync(IPage page)
    {
        await Expect(page.Locator(ChatPageSelectors.SendBox).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Connecting…")).ToHaveCountAsync(0);
    }

    private static async Task AskAsync(IPage page, string question)
    {
        var sendBox = page.Locator(ChatPageSelectors.SendBox).First;
        await sendBox.FillAsync(question);
        await sendBox.PressAsync("Enter");
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(50, giveUp.Token);
        }
    }

    private static string Screenshot(string name) => Path.Combine(RepoPaths.Artifacts("screenshots"), name);
}
