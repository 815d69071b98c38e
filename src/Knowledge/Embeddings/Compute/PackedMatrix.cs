namespace Clinic.Knowledge.Embeddings.Compute;

/// <summary>
/// A K×N weight matrix stored as N/32 column panels, each K rows of 32 contiguous floats, so that the
/// multiply kernel streams one panel linearly while it holds a block of output rows in registers.
/// </summary>
internal sealed class PackedMatrix
{
    public const int PanelWidth = 32;
    private readonly AlignedBuffer _panels;

    public PackedMatrix(ReadOnlySpan<float> rowMajor, int rows, int columns)
    {
        if (columns % PanelWidth != 0 || rowMajor.Length != rows * columns)
        {
            throw new InvalidDataException($"a {rows}x{columns} matrix cannot be packed in panels of {PanelWidth}");
        }

        Rows = rows;
        Columns = columns;
        _panels = new AlignedBuffer(rows * columns);
        var packed = _panels.Span;
        for (var p = 0; p < columns / PanelWidth; p++)
        {
            for (var k = 0; k < rows; k++)
            {
                rowMajor.Slice(k * columns + p * PanelWidth, PanelWidth)
                    .CopyTo(packed.Slice((p * rows + k) * PanelWidth, PanelWidth));
            }
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Panels => Columns / PanelWidth;

    public ref float Panel(int panel) => ref _panels.At(panel * Rows * PanelWidth);
}
