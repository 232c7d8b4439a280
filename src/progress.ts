// A one-line progress bar for indexing, drawn only on a terminal (logs and CI get nothing).
export function progressBar(out: NodeJS.WriteStream): { update: (done: number, total: number) => void; done: () => void } {
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (!out.isTTY || total < 20) return;
      const now = Date.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      out.write(`\r  indexing [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) out.write("\n");
    },
  };
}
