import type { departmentsMethods } from '../../../src-shared/departments/api';
import * as dep from '../../services/departments/department-service';
import { crudHandlers, type Handlers } from './types';

export const departmentsHandlers: Handlers<keyof typeof departmentsMethods> = {
  ...crudHandlers('departments', { create: dep.createDepartment, update: dep.updateDepartment, remove: dep.deleteDepartment, get: dep.getDepartment, list: dep.listDepartments }),
};
