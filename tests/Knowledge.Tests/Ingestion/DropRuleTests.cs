using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Ingestion;

/// <summary>Each drop rule on synthetic pages, and the knowledge that must survive next to it.</summary>
public sealed class DropRuleTests
{
    private static readonly DocumentCleaner Cleaner = new();

    [Theory]
    [InlineData("Share this:", "share-widget")]
    [InlineData("Bottom of Form", "form-marker")]
    [InlineData("Leave a Comment", "comment-form")]
    [InlineData("Save my name, email, and website in this browser for the next time I comment.", "comment-form")]
    [InlineData("Post Comment", "comment-form")]
    [InlineData("Keywords: Ketamine, Depression, Infusion, Safety", "keyword-list")]
    [InlineData("Getty Images", "image-credit")]
    [InlineData("Photo by Jane Doe on Unsplash", "image-credit")]
    [InlineData("![a calm room](room.png)", "image-markup")]
    [InlineData("Read more about our clinic", "navigation")]
    [InlineData("Book a Free Consultation", "call-to-action")]
    [InlineData("---", "separator")]
    public void PageFurnitureLinesAreDroppedWithTheirRule(string line, string rule)
    {
        var text = $"Ketamine is an anesthetic.\n\n{line}\n\nIt is given by infusion.";

        var document = Cleaner.Clean("page.txt", text);

        var dropped = Assert.Single(document.Dropped);
        Assert.Equal((rule, line, text.IndexOf(line, StringComparison.Ordinal)), (dropped.Rule, dropped.Text, dropped.Start));
        Assert.Equal(["Ketamine is an anesthetic.", "It is given by infusion."], document.Chunks.SelectMany(c => c.Sentences).Select(s => s.Text).Distinct());
    }

    [Theory]
    [InlineData("Call us at (512) 555-0199 to get started.", "call-to-action")]
    [InlineData("Schedule a free consultation with our providers.", "call-to-action")]
    [InlineData("Don't hesitate to reach out with questions.", "call-to-action")]
    [InlineData("Contact Acme Ketamine today to learn more.", "call-to-action")]
    [InlineData("Our team of doctors is dedicated to your recovery.", "promotion")]
    [InlineData("We specialize in ketamine infusions.", "promotion")]
    public void MarketingSentencesAreDroppedButTheirParagraphKeepsItsKnowledge(string marketing, string rule)
    {
        var document = Cleaner.Clean("page.txt", $"Infusions take about 40 minutes. {marketing} Do not drive afterwards.");

        Assert.Equal((rule, marketing), (Assert.Single(document.Dropped).Rule, document.Dropped[0].Text));
        Assert.Equal("Infusions take about 40 minutes. Do not drive afterwards.", document.Chunks.Single().Text);
    }

    [Fact]
    public void AClinicNamedInACallToActionIsDroppedWhereverElseItIsNamed()
    {
        var document = Cleaner.Clean("page.txt", "Ketamine can help. At Acme Wellness, our experts guide you. Acme Wellness offers infusions. Acme is a word.");

        Assert.Equal(
            [("clinic-name", "At Acme Wellness, our experts guide you."), ("clinic-name", "Acme Wellness offers infusions.")],
            document.Dropped.Select(d => (d.Rule, d.Text)));
        Assert.Equal("Ketamine can help. Acme is a word.", document.Chunks.Single().Text);
    }

    [Theory]
    [InlineData("If you are in crisis, call 988 now or contact us today.")]
    [InlineData("Call the Suicide and Crisis Lifeline at 1-800-273-8255 at any time.")]
    [InlineData("Call your doctor today if the nausea lasts.")]
    [InlineData("Contact your healthcare provider right away if you feel chest pain.")]
    [InlineData("Our team will check your blood pressure during the infusion.")]
    [InlineData("We reserve the right to decline treatment based on clinical judgment.")]
    public void SafetyAdviceAndClinicalFactsAreNeverDroppedAsMarketing(string sentence)
    {
        var document = Cleaner.Clean("page.txt", sentence);

        Assert.Empty(document.Dropped);
        Assert.Equal(sentence, document.Chunks.Single().Text);
    }

    [Fact]
    public void AKnowledgeListWithCommasIsNotTakenForAKeywordList()
    {
        const string line = "Other therapies include MDMA, Psilocybin, Ayahuasca, and Esketamine.";

        var document = Cleaner.Clean("page.txt", line);

        Assert.Empty(document.Dropped);
        Assert.Equal(line, document.Chunks.Single().Text);
    }
}
