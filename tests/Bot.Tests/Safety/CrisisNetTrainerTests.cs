using Clinic.Bot.Safety.Semantic;

namespace Clinic.Bot.Tests.Safety;

public sealed class CrisisNetTrainerTests
{
    private static readonly CrisisNetTrainer.Settings Small = new(Hidden: 8, Epochs: 400, Rate: 0.05);

    [Fact]
    public void LearnsAnAnswerNoLinearModelCanGive()
    {
        // Crisis where exactly one of two features is high (exclusive or): the reason the net has a hidden layer.
        var random = new Random(7);
        var vectors = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 80; i++)
        {
            bool a = i % 2 == 0, b = i % 4 < 2;
            vectors.Add([(a ? 1f : -1f) + Jitter(random), (b ? 1f : -1f) + Jitter(random), Jitter(random)]);
            labels.Add(a != b);
        }

        var network = CrisisNetTrainer.Train(vectors, labels, Small);

        for (var i = 0; i < vectors.Count; i++)
            Assert.Equal(labels[i], network.Probability(vectors[i]) >= 0.5);
    }

    [Fact]
    public void IsDeterministic()
    {
        float[][] vectors = [[1, 0], [0, 1], [0.9f, 0.2f], [0.1f, 0.8f]];
        bool[] labels = [true, false, true, false];
        var first = CrisisNetTrainer.Train(vectors, labels, Small with { Epochs = 50 });
        var second = CrisisNetTrainer.Train(vectors, labels, Small with { Epochs = 50 });
        Assert.Equal(first.HiddenWeights, second.HiddenWeights);
        Assert.Equal(first.OutputWeights, second.OutputWeights);
        Assert.Equal(first.OutputBias, second.OutputBias);
    }

    [Fact]
    public void RefusesASetWithOnlyOneClass() =>
        Assert.Throws<InvalidOperationException>(() => CrisisNetTrainer.Train([[1f], [2f]], [true, true]));

    private static float Jitter(Random random) => (float)(random.NextDouble() - 0.5) * 0.4f;
}
