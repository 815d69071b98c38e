using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Groups kept sentences into chunks: within one section (and between dividers), a few sentences per chunk,
/// consecutive chunks sharing one sentence so a fact split across the seam is still found whole.
/// </summary>
internal static class Chunker
{
    public static List<Chunk> Build(string id, string title, IReadOnlyList<Block> blocks, IReadOnlyList<List<SourceSpan>> kept)
    {
        var chunks = new List<Chunk>();
        var section = title;
        var units = new List<ChunkUnit>();
        List<SourceSpan>? list = null;

        void CloseList()
        {
            if (list is { Count: > 0 })
            {
                var unit = new ChunkUnit(list, IsList: true);
                units.AddRange(unit.Chars <= CleaningRules.MaxListChars ? [unit] : list.Select(s => new ChunkUnit([s], false)));
            }

            list = null;
        }

        void Flush()
        {
            CloseList();
            Emit(id, title, section, units, chunks);
            units.Clear();
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i].Kind)
            {
                case BlockKind.Heading:
                    Flush();
                    section = blocks[i].Heading!;
                    break;
                case BlockKind.Divider:
                    Flush();
                    break;
                case BlockKind.ListItem when kept[i].Count > 0:
                    if (list is null)
                    {
                        list = [];
                        if (units is [.., { IsList: false, Sentences: [var leadIn] }] && leadIn.Text.EndsWith(':'))
                        {
                            list.Add(leadIn); // "Common side effects include:" belongs with its items
                            units.RemoveAt(units.Count - 1);
                        }
                    }

                    list.AddRange(kept[i]);
                    break;
                case BlockKind.Paragraph:
                    CloseList();
                    units.AddRange(kept[i].Select(s => new ChunkUnit([s], false)));
                    break;
            }
        }

        Flush();
        return chunks;
    }

    private static void Emit(string id, string title, string section, List<ChunkUnit> units, List<Chunk> chunks)
    {
        var i = 0;
        while (i < units.Count)
        {
            var chars = units[i].Chars;
            var j = i + 1;
            while (j < units.Count && j - i < CleaningRules.MaxChunkUnits && chars + 1 + units[j].Chars <= CleaningRules.MaxChunkChars)
            {
                chars += 1 + units[j].Chars;
                j++;
            }

            var sentences = units.Skip(i).Take(j - i).SelectMany(u => u.Sentences).ToList();
            chunks.Add(new Chunk($"{id}#{chunks.Count + 1}", id, title, section, sentences));
            if (j >= units.Count)
            {
                break;
            }

            // Overlap by the last sentence, unless that would repeat a whole list or leave no room to move on.
            var overlap = units[j - 1];
            var canOverlap = j - i >= 2 && !overlap.IsList && overlap.Chars + 1 + units[j].Chars <= CleaningRules.MaxChunkChars;
            i = canOverlap ? j - 1 : j;
        }
    }
}
