using System.Security.Cryptography;
using System.Text;
using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Indexing;

/// <summary>Hashes everything an index depends on, so a change to any of it forces a rebuild.</summary>
internal static class IndexKey
{
    public static string Compute(IReadOnlyList<CleanedDocument> documents, string modelId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(s));
            hash.AppendData([0]);
        }
        Add("index-v1");
        Add(CleaningRules.Version);
        Add(modelId);
        foreach (var doc in documents.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            Add(doc.Id);
            Add(doc.OriginalText);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
