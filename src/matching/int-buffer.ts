/** A growable Int32Array: a million products' word ids without a million small arrays. */
export class IntBuffer {
  private data: Int32Array;
  length: number;

  /** `values` are used as they are (a view into a loaded snapshot, say) until the first push. */
  constructor(values?: Int32Array) {
    this.data = values ?? new Int32Array(1024);
    this.length = values?.length ?? 0;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.max(1024, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  /** The values pushed so far, without copying them. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
