/** Follows LSP line breaks (`\n`, `\r\n`, `\r`) across chunks and tells the open unit about them. */
import { UnitBuilder } from './textUnit';

export class LineTracker {
  line = 0;
  lineStart = 0;
  private previousWasCr = false;
  /** The unit that was open at the last CR (it noted the line start that an LF then moves). */
  private crUnit: UnitBuilder | undefined;

  /** Call for every character, in file order, with the builder of the unit being read (if any). */
  step(code: number, offset: number, unit: UnitBuilder | undefined): void {
    if (code === 10) {
      if (this.previousWasCr) {
        this.lineStart = offset + 1;
        // A unit that ended between the CR and the LF keeps the line start it noted at the CR
        // moved past the LF too (the CRLF is one line break).
        if (this.crUnit && this.crUnit !== unit) this.crUnit.moveLastLineStart(offset + 1);
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
      this.crUnit = unit;
    } else {
      this.previousWasCr = false;
    }
    if (code !== 13) this.crUnit = undefined;
  }

  /** A fresh unit builder positioned at the current line. */
  newUnit(): UnitBuilder {
    const unit = new UnitBuilder();
    unit.startLine = this.line;
    unit.startLineOffset = this.lineStart;
    return unit;
  }
}
