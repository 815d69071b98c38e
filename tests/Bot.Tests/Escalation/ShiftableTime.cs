namespace Clinic.Bot.Tests.Escalation;

/// <summary>The real clock plus an offset the test moves forward: "ten minutes later" without waiting ten minutes. Timers are real.</summary>
internal sealed class ShiftableTime : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
