package jp.keitai.sns.carrier;

/** A carrier file the edge refuses, with the file and line an operator has to fix. */
public class CarrierConfigException extends RuntimeException {

    private final String file;
    private final int line;

    public CarrierConfigException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
