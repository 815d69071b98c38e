using Clinic.Bot.Safety.Semantic;

namespace Clinic.Bot.Tests.Safety;

public sealed class CrisisNetTrainerTests
{
    [Fact]
    public void LearnsToSeparateTwoClusters()
    {
        var random = new Random(7);
        var vectors = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 60; i++)
        {
            var crisis = i % 3 == 0;
            vectors.Add([(crisis ? 1f : -1f) + (float)(random.NextDouble() - 0.5), (float)random.NextDouble(), (float)random.NextDouble()]);
            labels.Add(crisis);
        }
        var (weights, bias) = CrisisNetTrainer.Train(vectors, labels, epochs: 500);
        for (var i = 0; i < vectors.Count; i++)
        {
            var z = bias + weights.Zip(vectors[i], (w, x) => (double)w * x).Sum();
            Assert.Equal(labels[i], CrisisNetTrainer.Sigmoid(z) >= 0.5);
        }
    }

    [Fact]
    public void IsDeterministic()
    {
        float[][] vectors = [[1, 0], [0, 1], [0.9f, 0.2f], [0.1f, 0.8f]];
        bool[] labels = [true, false, true, false];
        var first = CrisisNetTrainer.Train(vectors, labels, epochs: 50);
        var second = CrisisNetTrainer.Train(vectors, labels, epochs: 50);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void RefusesASetWithOnlyOneClass() =>
        Assert.Throws<InvalidOperationException>(() => CrisisNetTrainer.Train([[1f], [2f]], [true, true]));
}
