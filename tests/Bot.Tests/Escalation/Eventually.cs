namespace Clinic.Bot.Tests.Escalation;

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails with <paramref name="what"/> after a generous deadline (a hang, not a slow machine).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 60) => TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
