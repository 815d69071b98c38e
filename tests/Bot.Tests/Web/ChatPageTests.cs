using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clinic.Bot.Tests.DirectLine;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Web;

/// <summary>The chat page, its files and its settings over real HTTP.</summary>
public sealed partial class ChatPageTests
{
    [Fact]
    public async Task ConfigEndpointServesTheClinicsSettings()
    {
        await using var host = await ChatTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Web:ClinicName"] = "Riverside Ketamine Clinic",
            ["Web:AccentColor"] = "#2B6CB0",
            ["Web:WelcomeMessage"] = "Hi! Ask about our treatments.",
            ["Web:SuggestedQuestions:0"] = "How long is an infusion?",
            ["Web:SuggestedQuestions:1"] = "Do I need a referral?",
            ["Web:CrisisNotice"] = "In crisis? Call 988.",
        });

        var config = await GetJsonAsync(host, "api/chat/config");

        Assert.Equal("Riverside Ketamine Clinic", config.GetProperty("clinicName").GetString());
        Assert.Equal("#2B6CB0", config.GetProperty("accentColor").GetString());
        Assert.Equal("Hi! Ask about our treatments.", config.GetProperty("welcomeMessage").GetString());
        // Configured questions replace the defaults rather than being appended to them.
        Assert.Equal(["How long is an infusion?", "Do I need a referral?"],
            config.GetProperty("suggestedQuestions").EnumerateArray().Select(q => q.GetString()!).ToArray());
        Assert.Equal("In crisis? Call 988.", config.GetProperty("crisisNotice").GetString());
        Assert.Equal(4000, config.GetProperty("maxMessageLength").GetInt32());
        Assert.Equal("/api/directline/token", config.GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public async Task WithoutSettingsThePageUsesCalmDefaults()
    {
        await using var host = await ChatTestHost.StartAsync();

        var config = await GetJsonAsync(host, "api/chat/config");

        Assert.Equal(4, config.GetProperty("suggestedQuestions").GetArrayLength());
        Assert.Equal("#1F6F78", config.GetProperty("accentColor").GetString());
        Assert.Contains("988", config.GetProperty("crisisNotice").GetString());
    }

    [Fact]
    public async Task ThePageHasNoInlineScriptAndAStrictScriptPolicy()
    {
        await using var host = await ChatTestHost.StartAsync();

        using var response = await host.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains($"ws://{host.BaseAddress.Authority}", policy);
        Assert.All(ScriptTag().Matches(html), tag => Assert.Contains("src=\"/", tag.Value));
        Assert.DoesNotMatch(InlineHandler(), html);
        // Everything is served from this app: no CDN.
        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.Contains("src=\"/lib/webchat.js\"", html);
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("answer-extras.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    [InlineData("embed.js", "text/javascript")]
    [InlineData("favicon.svg", "image/svg+xml")]
    [InlineData("lib/webchat.js", "text/javascript")]
    public async Task PageFilesAreServedFromThisApp(string path, string mediaType)
    {
        await using var host = await ChatTestHost.StartAsync();

        using var response = await host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task TheWebChatBundleIsTheFullOneFromNodeModules()
    {
        await using var host = await ChatTestHost.StartAsync();

        var served = await host.Http.GetByteArrayAsync("lib/webchat.js");

        var fromNodeModules = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "node_modules", "botframework-webchat", "dist", "webchat.js"));
        Assert.Equal(fromNodeModules.Length, served.Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(fromNodeModules), System.Security.Cryptography.SHA256.HashData(served));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheWebChatBundleIsSentCompressedToBrowsersThatAcceptIt(string encoding)
    {
        await using var host = await ChatTestHost.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "lib/webchat.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        if (encoding == "gzip")
        {
            request.Headers.Remove("Accept-Encoding");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        }

        using var response = await http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var original = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "node_modules", "botframework-webchat", "dist", "webchat.js"));
        Assert.True(compressed.Length < original.Length / 2, $"{compressed.Length} bytes is barely compressed");
        using Stream decompressor = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var restored = new MemoryStream();
        await decompressor.CopyToAsync(restored);
        Assert.Equal(original, restored.ToArray());
    }

    [Fact]
    public async Task AnUnchangedWebChatBundleIsNotSentAgain()
    {
        await using var host = await ChatTestHost.StartAsync();
        using var first = await host.Http.GetAsync("lib/webchat.js");
        var etag = first.Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, "lib/webchat.js");
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await host.Http.SendAsync(request);

        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("Web:AccentColor", "#AAAAAA", "contrast")]
    [InlineData("Web:AccentColor", "teal", "#1F6F78")]
    [InlineData("Web:ClinicName", "", "ClinicName")]
    [InlineData("Web:SuggestedQuestions:4", "A fifth question?", "at most 4")]
    public async Task InvalidPageSettingsStopTheAppWithAClearMessage(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Web:SuggestedQuestions", StringComparison.Ordinal))
        {
            for (var i = 0; i < 4; i++)
            {
                settings[$"Web:SuggestedQuestions:{i}"] = "Question " + i;
            }
        }

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ChatTestHost.StartAsync(settings));

        Assert.Contains(expected, failure.Message);
    }

    private static async Task<JsonElement> GetJsonAsync(ChatTestHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(src|href)=""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
