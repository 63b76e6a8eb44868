/** Follows LSP line breaks (`\n`, `\r\n`, `\r`) across chunks and tells the open unit about them. */
import { UnitBuilder } from './textUnit';

export class LineTracker {
  line = 0;
  lineStart = 0;
  private previousWasCr = false;

  /** Call for every character, in file order, with the builder of the unit being read (if any). */
  step(code: number, offset: number, unit: UnitBuilder | undefined): void {
    if (code === 10) {
      if (this.previousWasCr) {
        this.lineStart = offset + 1;
        unit?.moveLastLineStart(offset + 1);
      } else {
        this.line++;
        this.lineStart = offset + 1;
        unit?.noteLineStart(offset + 1);
      }
      this.previousWasCr = false;
    } else if (code === 13) {
      this.line++;
      this.lineStart = offset + 1;
      unit?.noteLineStart(offset + 1);
      this.previousWasCr = true;
    } else {
      this.previousWasCr = false;
    }
  }

  /** A fresh unit builder positioned at the current line. */
  newUnit(): UnitBuilder {
    const unit = new UnitBuilder();
    unit.startLine = this.line;
    unit.startLineOffset = this.lineStart;
    return unit;
  }
}
