namespace Clinic.Bot.Storage;

/// <summary>Settings of <c>Storage:Retention</c>: how long conversations are kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>Whether the background purge runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Transcripts, states, feedback and resolved escalations older than this are deleted. Open ones never are.</summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>How often the purge runs; it also runs once at start.</summary>
    public double IntervalHours { get; set; } = 6;
}
