using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Tests.Ingestion;

/// <summary>What cleaning does to the real corpus files, checked against their actual text.</summary>
public sealed class CorpusCleaningTests
{
    [Fact]
    public void HardWrappedLinesAreRejoinedIntoWholeSentences()
    {
        var sentences = CorpusFiles.Sentences(CorpusFiles.CleanNumber("000")).Select(s => s.Text).ToList();

        Assert.Equal(
            "Ketamine is a dissociative anesthetic that has been used for decades as a sedative and pain reliever in medical settings.",
            sentences[0]);
        Assert.Contains("Some describe a feeling of “lifting” or “floating” and a sense of clarity and calmness.", sentences);
    }

    [Fact]
    public void AParagraphStartingMidLineWithoutASpaceStartsANewSentence()
    {
        var sentences = CorpusFiles.Sentences(CorpusFiles.CleanNumber("000")).Select(s => s.Text).ToList();

        Assert.Contains(sentences, s => s.EndsWith("medical history, and other factors.", StringComparison.Ordinal));
        Assert.Contains("That being said, some individuals may be more likely to benefit from ketamine therapy than others.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("It’s important to note that while ketamine therapy", StringComparison.Ordinal));
    }

    [Fact]
    public void ListItemLabelsStayWithTheirSentence()
    {
        var sentences = CorpusFiles.Sentences(CorpusFiles.CleanNumber("000")).Select(s => s.Text).ToList();

        Assert.Contains(
            "Individuals with severe depression: Ketamine therapy may be helpful for individuals who are experiencing severe depression symptoms, including suicidal thoughts or tendencies.",
            sentences);
    }

    [Fact]
    public void HeadingsInHardWrappedTextAreFoundAndParagraphFirstLinesAreNot()
    {
        var chunks = CorpusFiles.CleanNumber("000").Chunks;
        var sections = chunks.Where((c, i) => i == 0 || chunks[i - 1].Section != c.Section).Select(c => c.Section);

        Assert.Equal(
            [
                "Ketamine Therapy: How It Works & What To Expect",
                "Who Could Benefit From Ketamine Therapy?",
                "What Is The Evidence Ketamine Therapy Works?",
                "Ketamine Therapy: How It Works & What To Expect",
                "Is ketamine safe?",
            ],
            sections);
    }

    [Fact]
    public void TheDrivingRuleSurvivesWholeInOneChunk()
    {
        var chunks = CorpusFiles.CleanNumber("000").Chunks;

        Assert.Contains(chunks, c => c.Text.Contains(
            "Additionally, individuals receiving ketamine therapy should avoid driving or operating heavy machinery for at least 24 hours after treatment, as ketamine can cause temporary impairment of coordination and cognitive function.",
            StringComparison.Ordinal));
    }

    [Fact]
    public void TheContraindicationListSurvivesWholeInOneChunkWithItsLeadIn()
    {
        var chunk = Assert.Single(CorpusFiles.CleanNumber("003").Chunks, c => c.Text.Contains("Untreated hypertension", StringComparison.Ordinal));
        var texts = chunk.Sentences.Select(s => s.Text).ToList();

        Assert.Contains("Pregnant women and nursing mothers are not eligible for ketamine treatment.", texts);
        Assert.Contains("Contraindications that require further evaluation to determine severity and treatment to move forward with treatment include:", texts);
        string[] items =
        [
            "Untreated hypertension", "History of heart disease", "Untreated hyperthyroidis", "Active mania", "Active suicidality",
            "Active Psychosis", "Alcohol or substance use disorders in which cessation for treatment would risk severe withdrawal symptoms",
            "History of severe dissociation", "Severe personality disorders",
        ];
        Assert.Equal(items, texts.SkipWhile(t => !t.EndsWith("include:", StringComparison.Ordinal)).Skip(1));
    }

    [Fact]
    public void FaqQuestionsBecomeTheSectionOfTheirAnswers()
    {
        var chunks = CorpusFiles.CleanNumber("004").Chunks;

        var answer = Assert.Single(chunks, c => c.Section == "How Long Does Ketamine Therapy Last?");
        Assert.StartsWith("The duration of ketamine therapy can vary", answer.Text, StringComparison.Ordinal);
        Assert.Contains(CorpusFiles.CleanNumber("003").Chunks, c => c.Section == "How does ketamine work?" && c.Text.StartsWith("Research suggests", StringComparison.Ordinal));
    }

    [Fact]
    public void DosesAndDecimalsStayInsideTheirSentences()
    {
        var sentences = CorpusFiles.Sentences(CorpusFiles.CleanNumber("004")).Select(s => s.Text).ToList();

        Assert.Contains("Therefore, the 0.5 mg/kg dose is considered to be a safe and effective option for treating depression.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("With 8.4% of all U.S. adults have experienced", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("its molecular weight is 237.725 g/mol.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000", "Ketamine Therapy: How It Works & What To Expect")]
    [InlineData("001", "Understanding How Ketamine for Depression Works")]
    [InlineData("002", "Benefits of Ketamine for Treatment-Resistant Depression")]
    [InlineData("003", "Frequently Asked Questions")]
    [InlineData("004", "Breaking the Chains of Trauma: How Ketamine Therapy is Revolutionizing PTSD Treatment")]
    public void TheTitleIsTheLeadingHeadingOrElseTheFirstSpecificOneThatIsNotAQuestion(string number, string title)
    {
        Assert.Equal(title, CorpusFiles.CleanNumber(number).Title);
    }

    [Fact]
    public void NoChunkAdvertisesAnotherClinic()
    {
        var texts = CorpusFiles.AllNames().SelectMany(name => CorpusFiles.Clean(name).Chunks).Select(c => c.Text).ToList();

        Assert.DoesNotContain(texts, t => t.Contains("Holos Wellness", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Impact Psychedelics", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("contact us", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(texts, t => t.Contains("Share Now", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReviewedDrops))]
    public void DropsExactlyTheReviewedPiecesWithTheirRules(string number, string[] expected)
    {
        var actual = CorpusFiles.CleanNumber(number).Dropped.Select(d => $"{d.Rule}: {Shorten(d.Text)}");

        Assert.Equal(expected, actual);
    }

    public static TheoryData<string, string[]> ReviewedDrops() => new()
    {
        { "000", [] },
        {
            "001",
            [
                "call-to-action: To learn if ketamine is the right depression treatment for you, contact Holos We",
                "share-widget: Share Now :",
            ]
        },
        {
            "002",
            [
                "keyword-list: : Ketamine, Treatment-Resistant Depression, Antidepressant, Rapid Onset, Respons",
                "image-credit: Shutterstock",
                "form-marker: Top of Form",
                "comment-form: Leave a Reply",
                "comment-form: Your email address will not be published. Required fields are marked *",
            ]
        },
        {
            "003",
            [
                "separator: -",
                "separator: -",
                "separator: -",
                "separator: -",
                "separator: -",
                "separator: -",
            ]
        },
        {
            "004",
            [
                "image-caption: a person going through ptsd",
                "promotion: At Impact Psychedelics, our team of experts is dedicated to helping you understa",
                "promotion: We’re here to answer your questions and provide you with the information you nee",
                "call-to-action: Contact us today to learn more about how ketamine therapy may help you manage yo",
                "call-to-action: Contact Us Today",
                "image-caption: addiction",
                "promotion: Also, Impact Psychedelics is a qualified ketamine therapy provider.",
                "promotion: We specialize in providing comprehensive ketamine therapy and can help you explo",
                "clinic-name: If you are considering exploring ketamine therapy as a treatment option for your",
                "call-to-action: Contact us today to learn more about our services and how we can help you begin",
                "call-to-action: Contact Us Today!",
                "image-caption: a person depressed touching a window",
                "promotion: Impact Psychedelics is devoted to providing you with successful, psychedelic tre",
                "promotion: We strongly believe in the power of ketamine therapy for those who have not foun",
                "call-to-action: Our team works diligently towards advancing revolutionary breakthroughs within t",
                "call-to-action: Learn More Today!",
            ]
        },
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80].TrimEnd();
}
