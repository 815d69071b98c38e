using System.Text;
using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Answers;

/// <summary>Joins chosen sentences into readable Markdown: a list the corpus introduces with a colon stays a list.</summary>
internal static class AnswerText
{
    public static string Join(KnowledgeIndex index, IReadOnlyList<int> sentences)
    {
        var text = new StringBuilder();
        var inList = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = index.Sentences[sentences[i]].Span.Text;
            var follows = i > 0 && sentences[i] == sentences[i - 1] + 1;
            var previous = i > 0 ? index.Sentences[sentences[i - 1]].Span.Text : "";
            var item = follows && IsShort(sentence) && (previous.TrimEnd().EndsWith(':') || inList);
            if (item)
            {
                text.Append("\n- ").Append(sentence.TrimStart('•', '-', '*', ' '));
                inList = true;
                continue;
            }
            if (text.Length > 0)
                text.Append(inList ? "\n\n" : " ");
            text.Append(sentence);
            inList = false;
        }
        return text.ToString();
    }

    private static bool IsShort(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;
}
