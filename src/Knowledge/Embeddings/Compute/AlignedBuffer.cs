using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Clinic.Knowledge.Embeddings.Compute;

/// <summary>
/// A float array on the pinned object heap whose first element sits on a 64-byte boundary, so that
/// 512-bit loads and stores of rows whose width is a multiple of 16 never straddle cache lines.
/// </summary>
internal sealed class AlignedBuffer
{
    private const int Alignment = 64;
    private readonly float[] _array;
    private readonly int _offset;

    public AlignedBuffer(int length)
    {
        _array = GC.AllocateArray<float>(length + Alignment / sizeof(float), pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _offset = (int)((Alignment - address % Alignment) % Alignment) / sizeof(float);
        Length = length;
    }

    public int Length { get; }

    public Span<float> Span => _array.AsSpan(_offset, Length);

    public ref float Start => ref _array[_offset];

    public Span<float> Slice(int start, int length) => _array.AsSpan(_offset + start, length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref float At(int index) => ref _array[_offset + index];
}
