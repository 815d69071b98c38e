using System.Diagnostics;
using Clinic.Bot.Tests.Teams;
using MimeKit;

namespace Clinic.Bot.Tests.Escalation;

/// <summary>
/// A real SMTP server (python3 aiosmtpd) on 127.0.0.1, in its own process, that writes each accepted message to a
/// folder. It can be stopped and started again on the same port, to play a mail server that is down for a while.
/// </summary>
internal sealed class SmtpReceiver : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clinic-smtp-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;

    private SmtpReceiver(int port) => Port = port;

    public int Port { get; }

    /// <summary>A receiver whose port is chosen but which is not listening yet.</summary>
    public static SmtpReceiver NotStarted() => new(FreePort.Loopback());

    public static async Task<SmtpReceiver> StartNewAsync(int deferFirst = 0, bool reject = false)
    {
        var receiver = NotStarted();
        await receiver.StartAsync(deferFirst, reject);
        return receiver;
    }

    public async Task StartAsync(int deferFirst = 0, bool reject = false)
    {
        if (!File.Exists(Python) || !await CanImportAsync())
            throw new InvalidOperationException("The SMTP tests need python3-aiosmtpd: run scripts/setup.sh (or apt-get install -y python3-aiosmtpd).");
        Directory.CreateDirectory(_folder);
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "Escalation", "smtp_receiver.py"), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", _folder, "--defer", deferFirst.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        if (reject)
            info.ArgumentList.Add("--reject");
        _process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
            throw new InvalidOperationException("The SMTP receiver did not start: " + await _process.StandardError.ReadToEndAsync(timeout.Token));
    }

    /// <summary>Stops listening at once, like a server that went down.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message accepted so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        Directory.Exists(_folder)
            ? Directory.GetFiles(_folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static async Task<bool> CanImportAsync()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false })!;
        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }
}
