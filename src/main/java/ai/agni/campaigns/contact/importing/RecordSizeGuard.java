package ai.agni.campaigns.contact.importing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps the characters read between two records. why: a stray opening quote makes the CSV parser
 * gather the rest of the file into one field in memory; this stops it after {@code max} chars.
 */
final class RecordSizeGuard extends FilterReader {

  private final long max;
  private long sinceRecord;

  RecordSizeGuard(Reader in, long max) {
    super(in);
    this.max = max;
  }

  /** Called after each record is consumed. */
  void recordDone() {
    sinceRecord = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count(1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    sinceRecord += n;
    if (sinceRecord > max) {
      throw new IOException("a row is longer than " + max + " characters (is a quote left open?)");
    }
  }
}
