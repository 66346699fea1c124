package vn.dienbien.tdkt;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One top-level package per capability; no cycles, no reaching into another module's internals. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(TdktApplication.class).verify();
    }
}
