using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Contact;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Safety;

public sealed class ContactRecognizerTests
{
    private static PhoneContactRecognizer Phone(string region = "US") =>
        new(Options.Create(new SafetyOptions { DefaultRegion = region }));

    [Theory]
    [InlineData("call me at (650) 253-0000 please", "+16502530000")]
    [InlineData("650.253.0000", "+16502530000")]
    [InlineData("my number is 6502530000", "+16502530000")]
    [InlineData("+1 650 253 0000", "+16502530000")]
    [InlineData("\uFF16\uFF15\uFF10 253 0000", "+16502530000")]
    [InlineData("650-253-\u200B0000", "+16502530000")]
    [InlineData("reach me on +44 20 7031 3000", "+442070313000")]
    public void RecognizesPhoneNumbersInE164(string text, string expected) =>
        Assert.Equal(expected, Phone().Recognize(text).Phone);

    [Fact]
    public void UsesTheDefaultRegionForNationalNumbers() =>
        Assert.Equal("+442070313000", Phone("GB").Recognize("020 7031 3000").Phone);

    [Theory]
    [InlineData("555-0100")]
    [InlineData("my zip is 94043")]
    [InlineData("I took 12345 steps")]
    [InlineData("")]
    [InlineData(null)]
    public void IgnoresTextWithoutAValidNumber(string? text) =>
        Assert.True(Phone().Recognize(text).IsEmpty);

    [Theory]
    [InlineData("email me at jane.doe@example.com.", "jane.doe@example.com")]
    [InlineData("mailto:jane+clinic@example.org", "jane+clinic@example.org")]
    [InlineData("(j_doe@sub.example.co.uk)", "j_doe@sub.example.co.uk")]
    public void RecognizesPlainEmailAddresses(string text, string expected) =>
        Assert.Equal(expected, new EmailContactRecognizer().Recognize(text).Email);

    [Theory]
    [InlineData("\"admin@clinic.org\" <attacker@evil.com>")]
    [InlineData("Jane <jane@example.com>")]
    [InlineData("j\u0430ne@example.com")]
    [InlineData("jane..doe@example.com")]
    [InlineData("jane@example")]
    [InlineData("@example.com")]
    [InlineData("jane@-example.com")]
    [InlineData("no address here")]
    public void RejectsDisplayNameTricksAndMalformedAddresses(string text) =>
        Assert.Null(new EmailContactRecognizer().Recognize(text).Email);

    [Fact]
    public void CombinedRecognizerReturnsBoth()
    {
        var recognizer = new ContactRecognizer(Phone(), new EmailContactRecognizer());
        Assert.Equal(new ContactDetails("+16502530000", "jane@example.com"), recognizer.Recognize("650-253-0000 or jane@example.com"));
    }
}
