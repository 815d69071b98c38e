using System.Text;
using System.Text.Json.Nodes;
using Clinic.Bot.Protocol;

namespace Clinic.Bot.Tests.Protocol;

/// <summary>
/// Seeded random and mutated input for the Activity parser: it never throws, every failure carries a reason, and
/// whatever it accepts serialises back with every field it does not model unchanged.
/// </summary>
public sealed class ActivityParserFuzzTests
{
    private static readonly byte[] Seed = Encoding.UTF8.GetBytes(TestActivities.Message("https://smba.trafficmanager.net/amer/"));
    private static readonly byte[] Alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ \n0123456789.eE+-truefalsnl\u00e9\u2028");

    [Fact]
    public void NeverThrowsOnMutatedActivities()
    {
        var random = new Random(6);
        for (var i = 0; i < 20_000; i++)
            AssertWellFormed(Mutate(random, Seed));
    }

    [Fact]
    public void NeverThrowsOnRandomBytesAndJsonFragments()
    {
        var random = new Random(66);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            if (i % 2 == 0)
                random.NextBytes(bytes);
            else
                for (var b = 0; b < bytes.Length; b++)
                    bytes[b] = Alphabet[random.Next(Alphabet.Length)];
            AssertWellFormed(bytes);
        }
    }

    [Fact]
    public void UnknownFieldsOfAnyShapeRoundTrip()
    {
        var random = new Random(666);
        for (var i = 0; i < 2_000; i++)
        {
            var original = JsonNode.Parse(Seed)!.AsObject();
            var unknown = new JsonObject();
            for (var field = random.Next(1, 5); field > 0; field--)
                unknown["x" + random.Next(1_000_000)] = RandomJson(random, depth: 0);
            foreach (var (name, value) in unknown)
                original[name] = value?.DeepClone();
            original["channelData"] = RandomJson(random, depth: 0) is JsonObject o ? o : new JsonObject { ["v"] = 1 };

            var parsed = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(original.ToJsonString()));

            Assert.True(parsed.Succeeded, parsed.Reason);
            var written = JsonNode.Parse(ProtocolJson.Serialize(parsed.Activity))!.AsObject();
            foreach (var (name, value) in unknown)
                Assert.True(JsonNode.DeepEquals(value, written[name]), $"{name}: {value?.ToJsonString()} became {written[name]?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(original["channelData"], written["channelData"]), original["channelData"]!.ToJsonString() + " became " + written["channelData"]?.ToJsonString());
            // Writing is stable: what was written parses and writes to the same bytes.
            Assert.Equal(ProtocolJson.Serialize(parsed.Activity), ProtocolJson.Serialize(ProtocolJson.ParseActivity(ProtocolJson.Serialize(parsed.Activity)).Activity));
        }
    }

    private static void AssertWellFormed(byte[] body)
    {
        var result = ProtocolJson.ParseActivity(body);
        Assert.Equal(result.Succeeded, result.Error == ActivityParseError.None);
        if (result.Succeeded)
            Assert.False(string.IsNullOrWhiteSpace(result.Activity!.Type));
        else
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var edits = random.Next(1, 8); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2: bytes[at] = (byte)random.Next(256); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at))); break;
                case 4: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\\ud800" : "\\u0000")); break;
            }
        }
        return [.. bytes];
    }

    private static JsonNode? RandomJson(Random random, int depth) => (depth > 4 ? random.Next(4) : random.Next(7)) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e6 - 5e5),
        3 => JsonValue.Create(RandomString(random)),
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create("k" + i + RandomString(random), RandomJson(random, depth + 1)))),
    };

    private static readonly string[] Pieces = ["a", "Z", "<", ">", "&", "\"", "\\", "/", "\u00e9", "\u4e2d", "\U0001F600", " ", "\n", "\t", "\u0000"];

    private static string RandomString(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
}
