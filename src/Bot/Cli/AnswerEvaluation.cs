using Clinic.Knowledge;
using Clinic.Knowledge.Ingestion;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Bot.Cli;

/// <summary>Retrieval and answer quality over a question set: recall@1/@3, MRR, answered, grounded and declined rates.</summary>
internal sealed class AnswerEvaluation
{
    private readonly List<string> _failures = [];
    private int _answerable, _outOfScope, _hit1, _hit3, _answered, _grounded, _declined;
    private double _reciprocalRanks;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>One line per question with the signals the answer rested on, for calibrating thresholds.</summary>
    public List<string> Features { get; } = [];

    public async Task AddAsync(KnowledgeService knowledge, Clinic.Knowledge.Indexing.KnowledgeIndex index, EvalItem item, CancellationToken ct)
    {
        var (answer, retrieval) = await knowledge.AnswerWithPassagesAsync(item.Question, ct);
        var unknown = retrieval is null ? "" : string.Join(',', retrieval.Query.Terms.Where(t => !index.Bm25.Contains(t)));
        var rank = FirstHit(item, retrieval);
        var grounded = answer.Answered && (Contains(item, answer.Text) || answer.Citations.Any(c => Contains(item, c.Quote)));
        Features.Add($"{(item.IsAnswerable ? "A" : "O")}\t{answer.Confidence:F3}\t{answer.Coverage:F3}\t{(answer.Answered ? 1 : 0)}\t{rank}\t{(grounded ? 1 : 0)}\t{item.Question}\t{unknown}");
        if (!item.IsAnswerable)
        {
            _outOfScope++;
            if (!answer.Answered)
                _declined++;
            else
                _failures.Add($"ANSWERED OUT-OF-SCOPE (conf {answer.Confidence}, cov {answer.Coverage}): {item.Question} -> {Shorten(answer.Text)}");
            return;
        }
        _answerable++;
        if (rank == 1) _hit1++;
        if (rank is >= 1 and <= 3) _hit3++;
        if (rank > 0) _reciprocalRanks += 1.0 / rank;
        if (answer.Answered) _answered++;
        if (grounded)
            _grounded++;
        else
            _failures.Add($"{(answer.Answered ? "WRONG EVIDENCE" : "DECLINED")} (rank {rank}, conf {answer.Confidence}, cov {answer.Coverage}): {item.Question} -> {Shorten(answer.Text)}");
    }

    public IEnumerable<string> Report()
    {
        static string Pct(int n, int d) => d == 0 ? "n/a" : $"{100.0 * n / d:F1}% ({n}/{d})";
        yield return $"answerable questions: {_answerable}, out-of-scope: {_outOfScope}";
        yield return $"recall@1: {Pct(_hit1, _answerable)}";
        yield return $"recall@3: {Pct(_hit3, _answerable)}";
        yield return $"MRR: {(_answerable == 0 ? 0 : _reciprocalRanks / _answerable):F3}";
        yield return $"answered rate (answerable): {Pct(_answered, _answerable)}";
        yield return $"grounded answers (evidence in answer or citation): {Pct(_grounded, _answerable)}";
        yield return $"decline rate (out-of-scope): {Pct(_declined, _outOfScope)}";
    }

    private static int FirstHit(EvalItem item, RetrievalResult? retrieval)
    {
        if (retrieval is null)
            return 0;
        for (var i = 0; i < retrieval.Passages.Count; i++)
        {
            var chunk = retrieval.Passages[i].Chunk;
            var hit = item.Evidence is { Count: > 0 } ? Contains(item, chunk.Text) : item.Sources?.Contains(chunk.DocumentId) == true;
            if (hit)
                return i + 1;
        }
        return 0;
    }

    private static bool Contains(EvalItem item, string text)
    {
        var haystack = Collapse(text);
        return item.Evidence?.Any(e => haystack.Contains(Collapse(e), StringComparison.OrdinalIgnoreCase)) == true;
    }

    private static string Collapse(string s) => Whitespace.Collapse(s);

    private static string Shorten(string s) => Collapse(s) is var c && c.Length > 140 ? c[..140] + "…" : c;
}
