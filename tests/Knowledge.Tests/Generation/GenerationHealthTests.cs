using Clinic.Knowledge.Generation;

namespace Clinic.Knowledge.Tests.Generation;

public sealed class GenerationHealthTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void IsDegradedForAWhileAfterAFailedCall()
    {
        var clock = new Clock();
        var health = new GenerationHealth(clock);
        Assert.Null(health.Degradation(TimeSpan.FromMinutes(1)));

        health.CallFailed();
        Assert.Contains("failed", health.Degradation(TimeSpan.FromMinutes(1)));

        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Null(health.Degradation(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void RecoversWithTheNextSuccessfulCall()
    {
        var health = new GenerationHealth(new Clock());
        health.CallFailed();
        health.CallSucceeded();
        Assert.Null(health.Degradation(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void IsDegradedWhileTheBreakerIsOpenWhateverTheLastCall()
    {
        var health = new GenerationHealth(new Clock());
        health.CallSucceeded();
        health.BreakerChanged(open: true);
        Assert.Contains("breaker", health.Degradation(TimeSpan.FromMinutes(1)));
        health.BreakerChanged(open: false);
        Assert.Null(health.Degradation(TimeSpan.FromMinutes(1)));
    }
}
