using Clinic.Bot.Safety.Text;

namespace Clinic.Bot.Tests.Safety;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("k\u200Bi\u200Cl\u200Dl\u2060", "kill")]
    [InlineData("\uFEFFsui\u00ADcide", "suicide")]
    [InlineData("\uFF4B\uFF49\uFF4C\uFF4C", "kill")]
    [InlineData("\U0001D5F8\U0001D5F6\U0001D5F9\U0001D5F9", "kill")]
    [InlineData("\u24DA\u24D8\u24DB\u24DB", "kill")]
    [InlineData("\u0455\u0443\u0456\u0441\u0456d\u0435", "syicide")]
    [InlineData("\u03BA\u03B9ll", "kill")]
    [InlineData("d\u00EF\u00E9", "die")]
    [InlineData("Z\u0351\u0352a\u0353\u0354l\u0355g\u0356o", "Zalgo")]
    [InlineData("don\u2019t", "don't")]
    [InlineData("\u0410\u0412\u0421", "ABC")]
    public void FoldsInvisibleStyledAndLookAlikeCharacters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void TurnsBrokenSurrogatesAndControlsIntoSpaces() =>
        Assert.Equal("a b c d", TextNormalizer.Normalize("a\uD800b\0c\u0007d"));

    [Fact]
    public void EmptyAndNullBecomeEmpty()
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(null));
        Assert.Equal(string.Empty, TextNormalizer.Normalize(string.Empty));
    }
}
