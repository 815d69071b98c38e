using System.Diagnostics;
using Clinic.Bot.Storage;
using Clinic.Bot.Storage.Sql;

namespace Clinic.Bot.Tests.Storage;

/// <summary>Fills a real, tiny tmpfs to the last byte under the database file (needs root, as the test container has).</summary>
public sealed class SqliteDiskFullTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private readonly string _mount = Path.Combine(Path.GetTempPath(), "clinic-full-" + Guid.NewGuid().ToString("N")[..12]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_mount);
        var exitCode = await RunAsync("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", _mount);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Mounting a 2 MiB tmpfs at {_mount} failed (exit {exitCode}); the disk-full test needs root with mount rights, as in .ci/run's container.");
        }
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", _mount);
        Directory.Delete(_mount, recursive: true);
    }

    [Fact]
    public async Task FullDiskMakesTheStoreUnavailableAndLeavesNoHalfWrittenTurn()
    {
        await using var store = new SqliteChatStore(Path.Combine(_mount, "clinic-bot.db"));
        var etag = Assert.IsType<SaveResult.Saved>(await store.SaveTurnAsync(Turn(null, "first message"))).ETag;
        var filler = Path.Combine(_mount, "filler.bin");
        FillDisk(filler);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SaveTurnAsync(Turn(etag, new string('x', 512 * 1024))));
        var healthWhileFull = await store.CheckHealthAsync();
        File.Delete(filler);

        Assert.Contains("disk is full", error.Message);
        Assert.DoesNotContain("xxxx", error.Message);
        Assert.True(healthWhileFull.IsHealthy, "reads still work on a full disk");
        Assert.Equal(etag, (await store.GetAsync("conv-1"))!.ETag);
        Assert.Equal(["first message", "noted"], (await store.GetTranscriptAsync("conv-1", 10)).Select(e => e.Text));
        Assert.Equal(1, await store.PendingCountAsync());
        Assert.IsType<SaveResult.Saved>(await store.SaveTurnAsync(Turn(etag, "after space was freed")));
    }

    private static TurnWrite Turn(string? etag, string text) =>
        new("conv-1", "webchat", "{}", etag, T0,
            [new TranscriptEntry(TranscriptRole.User, text, T0, null), new TranscriptEntry(TranscriptRole.Bot, "noted", T0, null)],
            [new NewEscalation("esc-" + Guid.NewGuid().ToString("N"), EscalationKinds.Crisis, 100, "[]", "text", "excerpt", null)],
            ["email"]);

    private static void FillDisk(string path)
    {
        var chunk = new byte[4096];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // No space left: exactly the state under test.
        }
    }

    private static async Task<int> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
