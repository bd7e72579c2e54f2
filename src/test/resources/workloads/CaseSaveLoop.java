import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.store.CaseFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Saves a case over and over until killed: version N has title "vN" and N findings, so sizes
 * differ between versions and a torn write would show. Prints "saved N" after each save returns.
 * Args: CASE_FILE. Continues from the version on disk when the file exists (a restart after a kill).
 */
public class CaseSaveLoop {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        CaseFile cf;
        int n;
        if (Files.exists(file)) {
            cf = CaseFile.open(file);
            if (cf.readOnly()) {
                System.out.println("broken " + cf.problem());
                System.exit(3);
            }
            n = Integer.parseInt(cf.value().title().substring(1));
        } else {
            n = 0;
            cf = CaseFile.create(file, version(0));
        }
        System.out.println("start " + n);
        while (true) {
            n++;
            cf.save(version(n));
            System.out.println("saved " + n);
        }
    }

    static Case version(int n) {
        Case.Builder b = Case.create("v" + n, LocalDate.of(2026, 1, 1)).toBuilder();
        for (int i = 0; i < n % 97; i++) {
            b.findings.add("finding " + i + " of version " + n + " " + "x".repeat(n % 13 * 50));
        }
        return b.build();
    }
}
