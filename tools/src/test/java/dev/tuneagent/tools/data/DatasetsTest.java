package dev.tuneagent.tools.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    final Datasets datasets = new Datasets();

    @Test
    void everyBundledDataSetHasTheShapeItsReadmeDocuments() {
        record Shape(String name, int rows, int features, String target, TaskKind kind, long classes) {
        }
        for (Shape s : new Shape[] {
                new Shape("iris", 150, 4, "species", TaskKind.CLASSIFICATION, 3),
                new Shape("wine", 178, 13, "cultivar", TaskKind.CLASSIFICATION, 3),
                new Shape("breast-cancer", 569, 30, "diagnosis", TaskKind.CLASSIFICATION, 2),
                new Shape("digits", 1797, 64, "digit", TaskKind.CLASSIFICATION, 10),
                new Shape("diabetes", 442, 10, "progression", TaskKind.REGRESSION, 214)}) {
            Dataset d = datasets.load(s.name(), null);
            assertThat(d.rows()).as(s.name()).isEqualTo(s.rows());
            assertThat(d.featureNames()).as(s.name()).hasSize(s.features());
            assertThat(d.targetName()).isEqualTo(s.target());
            assertThat(d.kind()).isEqualTo(s.kind());
            assertThat(d.labels().stream().distinct().count()).as(s.name()).isEqualTo(s.classes());
        }
        assertThat(BundledDataset.names()).containsExactly("iris", "wine", "breast-cancer", "digits", "diabetes");
    }

    @Test
    void breastCancerMayBeSpelledWithAnUnderscore() {
        assertThat(datasets.load("breast_cancer", null).name()).isEqualTo("breast-cancer");
    }

    @Test
    void aLoadedDataSetIsCachedForTheNextTrial() {
        assertThat(datasets.load("wine", null)).isSameAs(datasets.load("wine", null));
    }

    @Test
    void anUnknownNameListsTheBundledDataSets() {
        assertThatThrownBy(() -> datasets.load("wines", null))
                .hasMessage("job.dataset: unknown data set \"wines\"; choose one of iris, wine, breast-cancer, digits,"
                        + " diabetes, or give the path of a CSV file");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path tmp) {
        String path = tmp.resolve("nope.csv").toString();
        assertThatThrownBy(() -> datasets.load(path, "y")).hasMessage("job.dataset: no such file: " + path);
    }

    @Test
    void aBundledDataSetKeepsItsOwnTarget() {
        assertThatThrownBy(() -> datasets.load("iris", "petal_width_cm"))
                .hasMessage("job.target: the bundled data set iris has the target \"species\", not \"petal_width_cm\";"
                        + " remove job.target");
    }

    @Test
    void aUsersFileLoadsByPath(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("mine.csv");
        Files.writeString(csv, "a,label\n1,x\n2,y\n");
        assertThat(datasets.load(csv.toString(), "label").labels()).containsExactly("x", "y");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAsSuch(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("latin1.csv");
        Files.write(csv, new byte[] {'a', ',', 'y', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> datasets.load(csv.toString(), "y")).hasMessageContaining("not UTF-8");
    }
}
